// The one port every privileged change goes through. The desktop asks for root with a graphical prompt
// (pkexec, or sudo -A with an askpass helper); headless mode already runs as root; tests use a direct
// executor over a temporary root. Paths are absolute host paths.

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface HostExecutor {
  readonly kind: "direct" | "pkexec" | "sudo";
  readText(path: string): Promise<string | null>;
  writeFile(path: string, content: string, mode: number): Promise<void>;
  /** Copies a local (unprivileged) file into a host path. */
  copyFile(from: string, to: string, mode: number): Promise<void>;
  remove(path: string): Promise<void>;
  run(command: string, args: readonly string[], stdin?: string): Promise<ExecResult>;
  /** Ends a privileged session (the next call would prompt again). */
  close?(): Promise<void>;
}

/** What uninstall and undo may ever delete: k3s's own folders and the files this app wrote. */
const REMOVABLE_PREFIXES = ["/usr/local/bin/k3s", "/etc/rancher/k3s", "/var/lib/rancher/k3s", "/etc/systemd/system/k3s", "/var/lib/kubelet", "/run/k3s", "/var/lib/cni", "/run/flannel", "/etc/cni/net.d"];

/** A guard both executors share, so a bug elsewhere can never turn into `rm -rf /home`. */
export function assertRemovable(path: string): void {
  const normal = path.replace(/\/+$/, "");
  if (!normal.startsWith("/") || normal.includes("..")) throw new Error(`refusing to remove ${path}: not an absolute, normalised path`);
  if (!REMOVABLE_PREFIXES.some((prefix) => normal === prefix || normal.startsWith(prefix))) {
    throw new Error(`refusing to remove ${path}: not one of the folders k3s or this app owns`);
  }
}

export function assertHostPath(path: string): void {
  if (!path.startsWith("/") || path.split("/").includes("..")) throw new Error(`not an absolute host path: ${path}`);
}

export class ExecError extends Error {
  constructor(
    readonly command: string,
    readonly result: ExecResult,
  ) {
    super(`${command} exited with ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 500)}`);
    this.name = "ExecError";
  }
}

/** Runs a command and throws ExecError unless it exits 0. */
export async function runOk(executor: HostExecutor, command: string, args: readonly string[]): Promise<ExecResult> {
  const result = await executor.run(command, args);
  if (result.code !== 0) throw new ExecError([command, ...args].join(" "), result);
  return result;
}
