import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { elevatedExecutor } from "../../../main/cluster/host/elevated-executor";
import { RootShell, shellQuote } from "../../../main/cluster/host/root-shell";
import { cleanupAll, tempDir } from "./support/test-host";

// The privileged shell's protocol, run with an ordinary /bin/sh (no root here): quoting, stdin and
// output round-trips, exit codes, and a shell that goes away.

afterAll(cleanupAll);

describe("root shell", () => {
  it("runs commands in order with their exit codes, stdin and output intact", async () => {
    const shell = new RootShell(["/bin/sh"]);
    const nasty = "it's \"quoted\" $HOME `id` \\ \n; rm -rf / #\n\u00e9\u4e2d";
    const results = await Promise.all([shell.run(["printf", "%s", nasty]), shell.run(["cat"], nasty), shell.run(["sh", "-c", "echo oops >&2; exit 3"])]);
    expect(results[0]).toEqual({ code: 0, stdout: nasty, stderr: "" });
    expect(results[1]!.stdout).toBe(nasty);
    expect(results[2]).toEqual({ code: 3, stdout: "", stderr: "oops\n" });
    expect((await shell.run(["/nonexistent/tool"])).code).toBe(127);
    await shell.close();
  });

  it("rejects pending work clearly when the shell cannot start or is refused", async () => {
    await expect(new RootShell(["/nonexistent/pkexec"]).run(["true"])).rejects.toThrow(/cannot start|privileged shell ended/);
    // pkexec exits 126 when the owner dismisses the password prompt.
    await expect(new RootShell(["/bin/sh", "-c", "exit 126"]).run(["true"])).rejects.toThrow("administrator rights were not granted");
    await expect(new RootShell(["/bin/sh", "-c", "echo 'sudo: no askpass program specified' >&2; exit 1"]).run(["true"])).rejects.toThrow(
      "the privileged shell ended (exit 1): sudo: no askpass program specified",
    );
  });

  it("quotes any argument into exactly one shell word", () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it("the elevated executor writes, copies, reads and removes through one shell", async () => {
    const dir = tempDir("apd-elev-");
    // Writes go to a temp dir; removal is only allowed under k3s's own folders, so here only its guard is checked.
    const executor = elevatedExecutor("sudo", ["/bin/sh"]);
    const target = join(dir, "etc/rancher/k3s/config.yaml");
    await executor.writeFile(target, '{"node-name": "rig"}\n', 0o600);
    expect(readFileSync(target, "utf8")).toBe('{"node-name": "rig"}\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(await executor.readText(target)).toBe('{"node-name": "rig"}\n');
    expect(await executor.readText(join(dir, "missing"))).toBeNull();
    mkdirSync(join(dir, "bin"));
    await executor.copyFile(target, join(dir, "bin/k3s"), 0o755);
    expect(statSync(join(dir, "bin/k3s")).mode & 0o777).toBe(0o755);
    await expect(executor.remove("/home")).rejects.toThrow(/refusing to remove \/home/);
    await expect(executor.remove("/var/lib/rancher/k3s/../../..")).rejects.toThrow(/refusing/);
    expect((await executor.run("sh", ["-c", "exit 4"])).code).toBe(4);
    await executor.close?.();
  });
});
