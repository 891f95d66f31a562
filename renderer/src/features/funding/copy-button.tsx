import { useState } from "react";

/** Copies `text`; where the clipboard is refused (no permission, not a secure context) it says to select it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="help">
        {state === "copied" ? "Copied." : state === "failed" ? "The browser refused the clipboard: select the address and copy it by hand." : ""}
      </span>
    </span>
  );
}
