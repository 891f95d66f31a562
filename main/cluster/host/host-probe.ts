import { access, constants, readFile, readdir, statfs } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { nodeProcessRunner, type ProcessRunner } from "../../hardware/process-runner";

// Read-only, unprivileged questions about the host, all through one port: the preflight and the
// install checks ask it, tests answer it from a temporary root.

export interface HostProbe {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readText(path: string): Promise<string | null>;
  exists(path: string): Promise<boolean>;
  list(path: string): Promise<string[]>;
  /** Free bytes on the filesystem holding `path` (or its nearest existing parent). */
  freeBytes(path: string): Promise<number | null>;
  portFree(port: number): Promise<boolean>;
  /** The first executable with this name in the usual system folders. */
  findExecutable(name: string): Promise<string | null>;
  readonly runner: ProcessRunner;
  /** Where host paths live: "/" on a real machine. */
  readonly root: string;
}

const SEARCH_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/nvidia/toolkit"];

export interface NodeHostProbeOptions {
  root?: string;
  platform?: NodeJS.Platform;
  arch?: string;
  runner?: ProcessRunner;
  portFree?: (port: number) => Promise<boolean>;
}

export function nodeHostProbe(options: NodeHostProbeOptions = {}): HostProbe {
  const root = options.root ?? "/";
  const at = (path: string) => join(root, path);
  return {
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    root,
    runner: options.runner ?? nodeProcessRunner,
    async readText(path) {
      try {
        return await readFile(at(path), "utf8");
      } catch {
        return null;
      }
    },
    async exists(path) {
      try {
        await access(at(path), constants.F_OK);
        return true;
      } catch {
        return false;
      }
    },
    async list(path) {
      try {
        return await readdir(at(path));
      } catch {
        return [];
      }
    },
    async freeBytes(path) {
      let current = path;
      for (;;) {
        try {
          const stats = await statfs(at(current));
          return Number(stats.bavail) * Number(stats.bsize);
        } catch {
          const parent = dirname(current);
          if (parent === current) return null;
          current = parent;
        }
      }
    },
    portFree: options.portFree ?? listenProbe,
    async findExecutable(name) {
      for (const dir of SEARCH_DIRS) {
        try {
          await access(at(`${dir}/${name}`), constants.X_OK);
          return `${dir}/${name}`;
        } catch {
          // not here
        }
      }
      return null;
    },
  };
}

/** A port is free when we can listen on it (unprivileged ports; 6443 and 10250 are both above 1024). */
function listenProbe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(() => resolve(true)));
  });
}
