import { PAGES, type PageId } from "../navigation/pages";

/** The main menu: real buttons (Tab + Enter/Space work), the current page marked with aria-current. */
export function Nav({ current, onNavigate }: { current: PageId; onNavigate: (page: PageId) => void }) {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={page.id === current ? "page" : undefined}
              onClick={() => onNavigate(page.id)}
            >
              {page.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
