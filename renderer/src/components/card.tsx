import type { ReactNode } from "react";

/** A titled section of a page; `headingId` labels the region for screen readers. */
export function Card({ title, headingId, children, wide }: { title: string; headingId: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? "card card-wide" : "card"} aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
