import { useEffect, useRef, type ReactNode } from "react";

/**
 * The page's one h1. After a navigation it takes the focus, so keyboard and screen-reader users land
 * on the new page instead of staying in the menu; `tabIndex=-1` keeps it out of the Tab order.
 */
export function PageHeader({ title, children, focusOnMount }: { title: string; children?: ReactNode; focusOnMount: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Akash Provider Desktop`;
    if (focusOnMount) heading.current?.focus();
  }, [title, focusOnMount]);
  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children ? <p className="page-lead">{children}</p> : null}
    </header>
  );
}
