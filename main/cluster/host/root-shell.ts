import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { ExecResult } from "./host-executor";

// One privileged shell for a whole run, so the owner answers one password prompt per install instead
// of one per file. Commands go to the shell's stdin as text; their stdin, stdout and stderr travel
// base64-encoded, so no content can break out of its quoting. Requests run one at a time.

export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const MARK = "__APD_RESULT__";

export class RootShell {
  private child: ChildProcessWithoutNullStreams | null = null;
  private buffer = "";
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: ExecResult) => void; reject: (e: Error) => void }>();
  private queue: Promise<unknown> = Promise.resolve();
  private exitError: Error | null = null;

  /** `launcher` runs the shell: ["pkexec", "/bin/sh"], ["sudo", "-A", "/bin/sh"], or ["/bin/sh"] in tests. */
  constructor(private readonly launcher: readonly string[]) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const [command, ...args] = this.launcher;
    const child = spawn(command!, args, { stdio: ["pipe", "pipe", "pipe"] });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => this.read(chunk));
    // The launcher's own complaints (sudo: "no askpass program specified") explain a failed start.
    let launcherErrors = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      launcherErrors = (launcherErrors + chunk).slice(-500);
    });
    child.stdin.on("error", () => undefined);
    const fail = (error: Error) => {
      this.exitError = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.child = null;
    };
    child.on("error", (error) => fail(new Error(`cannot start ${command}: ${error.message}`)));
    // "close", not "exit": by then the launcher's stderr has been read in full.
    child.on("close", (code) =>
      // pkexec exits 126 when the owner dismisses the prompt, 127 when not authorised.
      fail(
        new Error(
          code === 126 || code === 127
            ? "administrator rights were not granted"
            : `the privileged shell ended (exit ${code})${launcherErrors.trim() ? `: ${launcherErrors.trim()}` : ""}`,
        ),
      ),
    );
    this.child = child;
    this.exitError = null;
    return child;
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const at = line.indexOf(MARK);
      if (at < 0) continue;
      const [id, code, out = "", err = ""] = line.slice(at + MARK.length).trim().split(" ");
      const waiter = this.pending.get(Number(id));
      if (!waiter) continue;
      this.pending.delete(Number(id));
      waiter.resolve({ code: Number(code), stdout: Buffer.from(out, "base64").toString("utf8"), stderr: Buffer.from(err, "base64").toString("utf8") });
    }
  }

  /** Runs argv as root; `stdin` is fed to it. Never throws for a non-zero exit, only if the shell is gone. */
  run(argv: readonly string[], stdin = ""): Promise<ExecResult> {
    const next = this.queue.then(() => this.send(argv, stdin));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private send(argv: readonly string[], stdin: string): Promise<ExecResult> {
    const child = this.start();
    if (this.exitError) return Promise.reject(this.exitError);
    const id = this.nextId++;
    const input = Buffer.from(stdin, "utf8").toString("base64");
    const script = [
      "o=$(mktemp) e=$(mktemp)",
      `printf '%s' ${shellQuote(input)} | base64 -d | ${argv.map(shellQuote).join(" ")} >"$o" 2>"$e"`,
      "c=$?",
      `printf '\\n${MARK} %s %s %s %s\\n' ${id} "$c" "$(base64 -w0 "$o")" "$(base64 -w0 "$e")"`,
      'rm -f "$o" "$e"',
      "",
    ].join("\n");
    return new Promise<ExecResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.stdin.write(script);
    });
  }

  close(): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.stdin.end("exit 0\n");
    });
  }
}
