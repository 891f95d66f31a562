import type { ReactNode } from "react";

/** What a section shows before it has anything real to show: what will appear, and when. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      <p className="empty-text">{children}</p>
      {action}
    </div>
  );
}
