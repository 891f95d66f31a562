import { chmod, copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertHostPath, assertRemovable, type ExecResult, type HostExecutor } from "./host-executor";
import { spawnCapture } from "./spawn-capture";

// The executor for a process that may already change the host: headless mode running as root
// (root "/"), and the tests (a temporary root with stand-in systemctl/k3s executables in it).
// Under a non-"/" root, commands resolve inside it first and get HOST_ROOT so stand-ins know where to write.

export function directExecutor(root = "/"): HostExecutor {
  const at = (path: string) => {
    assertHostPath(path);
    return join(root, path);
  };
  const env = (): NodeJS.ProcessEnv => {
    if (root === "/") return process.env;
    const dirs = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"].map((d) => join(root, d));
    return { ...process.env, HOST_ROOT: root, PATH: [...dirs, process.env.PATH ?? ""].join(":") };
  };
  return {
    kind: "direct",
    async readText(path) {
      try {
        return await readFile(at(path), "utf8");
      } catch {
        return null;
      }
    },
    async writeFile(path, content, mode) {
      const target = at(path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content, { mode });
      await chmod(target, mode);
    },
    async copyFile(from, to, mode) {
      const target = at(to);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(from, `${target}.tmp`);
      await chmod(`${target}.tmp`, mode);
      await rm(target, { force: true });
      await copyFile(`${target}.tmp`, target);
      await chmod(target, mode);
      await rm(`${target}.tmp`, { force: true });
    },
    async remove(path) {
      assertRemovable(path);
      await rm(at(path), { recursive: true, force: true });
    },
    run(command, args, stdin): Promise<ExecResult> {
      const resolved = command.startsWith("/") ? at(command) : command;
      return spawnCapture(resolved, args, { env: env(), stdin });
    },
  };
}
