// The app's pages, in navigation order. The current page lives in the query string (`?page=leases`):
// the fragment is reserved for the headless bridge's token, and a query survives a reload under both
// app:// (Electron) and the loopback bridge, which serve index.html whatever the query says.

export const PAGES = [
  { id: "onboarding", label: "Onboarding" },
  { id: "dashboard", label: "Dashboard" },
  { id: "earnings", label: "Earnings" },
  { id: "pricing", label: "Pricing" },
  { id: "leases", label: "Leases" },
  { id: "settings", label: "Settings" },
] as const;

export type PageId = (typeof PAGES)[number]["id"];

export const DEFAULT_PAGE: PageId = "dashboard";

export function isPageId(value: unknown): value is PageId {
  return typeof value === "string" && PAGES.some((page) => page.id === value);
}

/** The page a `location.search` string names; the default page for anything else. */
export function pageFromSearch(search: string): PageId {
  const page = new URLSearchParams(search).get("page");
  return isPageId(page) ? page : DEFAULT_PAGE;
}

/** `search` with its page parameter set, other parameters kept: "?page=settings". */
export function searchForPage(search: string, page: PageId): string {
  const params = new URLSearchParams(search);
  params.set("page", page);
  return `?${params.toString()}`;
}

export function pageLabel(page: PageId): string {
  return PAGES.find((p) => p.id === page)!.label;
}
