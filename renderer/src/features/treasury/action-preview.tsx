import type { ReactNode } from "react";

/** "This is what will happen": shown before a money-moving action runs, with its confirm and cancel. */
export function ActionPreview({ children, confirmLabel, busy, onConfirm, onCancel }: { children: ReactNode; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="preview" role="group" aria-label="Preview">
      {children}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
          {busy ? "Sending…" : confirmLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
