import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** The install/uninstall log kept on disk (the UI gets the same lines as events). Never throws. */
export function fileLog(path: string, now: () => Date): (line: string) => void {
  let ready = false;
  return (line) => {
    try {
      if (!ready) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        ready = true;
      }
      appendFileSync(path, `${now().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      // A full disk must not turn a log line into a failed install.
    }
  };
}
