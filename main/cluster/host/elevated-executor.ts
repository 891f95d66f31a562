import { assertHostPath, assertRemovable, type ExecResult, type HostExecutor } from "./host-executor";
import { RootShell } from "./root-shell";

// The desktop's executor: one privileged shell per run (pkexec's graphical prompt, or sudo -A with an
// askpass helper), and each operation mapped onto a standard tool in it. Deliberately thin: the
// protocol lives in RootShell (tested with an unprivileged shell), the logic in the install steps.

export function elevatedExecutor(kind: "pkexec" | "sudo", launcher?: readonly string[]): HostExecutor {
  const shell = new RootShell(launcher ?? (kind === "pkexec" ? ["pkexec", "/bin/sh"] : ["sudo", "-A", "/bin/sh"]));
  const must = async (argv: readonly string[], stdin?: string) => {
    const result = await shell.run(argv, stdin);
    if (result.code !== 0) throw new Error(`${argv.join(" ")} failed (${result.code}): ${result.stderr.trim().slice(0, 300)}`);
  };
  return {
    kind,
    async readText(path) {
      assertHostPath(path);
      const result = await shell.run(["cat", "--", path]);
      return result.code === 0 ? result.stdout : null;
    },
    async writeFile(path, content, mode) {
      assertHostPath(path);
      // The file gets its final mode before any content lands in it.
      await must(["sh", "-c", 'mkdir -p "$(dirname "$1")" && install -m "$2" /dev/null "$1" && cat > "$1"', "sh", path, mode.toString(8)], content);
    },
    async copyFile(from, to, mode) {
      assertHostPath(to);
      await must(["install", "-D", "-m", mode.toString(8), "--", from, to]);
    },
    async remove(path) {
      assertRemovable(path);
      await must(["rm", "-rf", "--", path]);
    },
    run(command, args, stdin): Promise<ExecResult> {
      return shell.run([command, ...args], stdin);
    },
    close: () => shell.close(),
  };
}
