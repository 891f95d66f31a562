import { spawn } from "node:child_process";
import type { ExecResult } from "./host-executor";

const MAX_CAPTURE = 1024 * 1024;

/** Spawns without a shell, feeds stdin, captures output (capped); a missing command is code 127. */
export function spawnCapture(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"], timeout: options.timeoutMs ?? 10 * 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (stdout.length < MAX_CAPTURE) stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < MAX_CAPTURE) stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => resolve({ code: error.code === "ENOENT" ? 127 : 126, stdout, stderr: stderr || error.message }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.stdin ?? "");
  });
}
