import { STEP_IDS, type StepId } from "./wizard-steps";

// The steps the user moved past that have no state in the app (the checks, pricing, go live), kept
// by the window so a reload does not ask again. Anything unreadable counts as nothing acknowledged.

const KEY = "apd.wizard.acknowledged";

export function readAcknowledged(storage: Pick<Storage, "getItem"> | null): Set<StepId> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? "[]");
    if (!Array.isArray(parsed)) return new Set();
    return new Set(STEP_IDS.filter((id) => parsed.includes(id)));
  } catch {
    return new Set();
  }
}

export function writeAcknowledged(storage: Pick<Storage, "setItem"> | null, steps: ReadonlySet<StepId>): void {
  try {
    storage?.setItem(KEY, JSON.stringify([...steps]));
  } catch {
    // Storage full or refused (private mode): the wizard still works, it just asks again after a reload.
  }
}

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
