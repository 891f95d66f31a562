// One install step: `check` says whether its effect is already in place (so a re-run skips it and an
// interrupted run resumes at the first failing check), `apply` makes it so, `undo` takes it back.

export interface InstallStep {
  id: string;
  title: string;
  changes: string[];
  privileged: boolean;
  check(): Promise<boolean>;
  apply(log: (line: string) => void): Promise<void>;
  undo?(log: (line: string) => void): Promise<void>;
}

/** Polls `ready` until it holds; `sleep` is injected so tests never wait for real. */
export async function waitFor(what: string, ready: () => Promise<boolean>, options: { attempts: number; sleep: (ms: number) => Promise<void>; intervalMs: number; log: (line: string) => void }): Promise<void> {
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (await ready()) return;
    if (attempt === 1 || attempt % 10 === 0) options.log(`waiting for ${what} (attempt ${attempt}/${options.attempts})`);
    if (attempt < options.attempts) await options.sleep(options.intervalMs);
  }
  throw new Error(`gave up waiting for ${what} after ${options.attempts} attempts`);
}
