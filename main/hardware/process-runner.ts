import { execFile } from "node:child_process";

// The one way the hardware service runs external tools (nvidia-smi, nvidia-ctk, …). A port, so tests
// answer with recorded output and a machine without the tool is an ordinary result, not a throw.

export type RunResult = { kind: "exited"; code: number; stdout: string; stderr: string } | { kind: "not_found" } | { kind: "failed"; message: string };

export interface ProcessRunner {
  run(command: string, args: readonly string[], options: { timeoutMs: number }): Promise<RunResult>;
}

const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** Runs the real executable found on PATH; never throws. */
export const nodeProcessRunner: ProcessRunner = {
  run(command, args, { timeoutMs }) {
    return new Promise((resolve) => {
      execFile(command, [...args], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true, encoding: "utf8" }, (error, stdout, stderr) => {
        if (!error) return resolve({ kind: "exited", code: 0, stdout, stderr });
        const err = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string };
        if (err.code === "ENOENT") return resolve({ kind: "not_found" });
        if (err.killed || err.signal) return resolve({ kind: "failed", message: `${command} did not finish within ${timeoutMs} ms` });
        if (typeof err.code === "number") return resolve({ kind: "exited", code: err.code, stdout, stderr });
        resolve({ kind: "failed", message: `${command}: ${err.message}` });
      });
    });
  },
};
