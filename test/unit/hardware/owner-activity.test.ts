import { describe, expect, it } from "vitest";
import { OwnerActivity } from "../../../common/hardware-schemas";
import { detectOwnerActivity } from "../../../main/hardware/owner-activity";
import { exited, fakeRunner, fixture } from "./fakes";

const now = () => new Date("2026-11-21T20:00:00Z");
type Proc = { pid: number; name: string; command: string; params: string; path: string };
const proc = (pid: number, name: string, command = name, path = ""): Proc => ({ pid, name, command, params: "", path });

async function detect(computeApps: string | null, processes: Proc[], tenantPids: number[] = []) {
  const runner = computeApps === null ? fakeRunner({}) : fakeRunner({ "nvidia-smi --query-compute-apps": exited(computeApps) });
  const r = await detectOwnerActivity({ runner, source: { processes: async () => ({ list: processes }) }, isTenantPid: (pid) => tenantPids.includes(pid), now });
  expect(OwnerActivity.safeParse(r).success).toBe(true);
  return r;
}

describe("the owner is using the GPU", () => {
  it("a non-tenant compute process and a Steam game on the GPU, the desktop itself ignored", async () => {
    const r = await detect(fixture("compute-apps.csv"), []);
    expect(r.active).toBe(true);
    expect(r.reasons.map((x) => [x.kind, x.pid, x.name])).toEqual([
      ["gpu_process", 88123, "python3"],
      ["game", 9921, "Cyberpunk2077.exe"],
    ]);
  });

  it("a tenant's process (in a k3s pod) is not the owner", async () => {
    const r = await detect("88123, python3, 18032\n", [], [88123]);
    expect(r).toMatchObject({ active: false, reasons: [] });
  });

  it("a game started from a library folder counts even when nvidia-smi is missing", async () => {
    const r = await detect(null, [proc(4242, "eldenring.exe", "C:\\Program Files (x86)\\Steam\\steamapps\\common\\ELDEN RING\\Game\\eldenring.exe")]);
    expect(r.active).toBe(true);
    expect(r.reasons[0]).toMatchObject({ kind: "game", pid: 4242, detail: "running from the Steam library" });
  });

  it("an open launcher is reported but does not count on its own; launcher helpers are not games", async () => {
    const r = await detect("", [
      proc(10, "steam", "/home/me/.local/share/Steam/ubuntu12_32/steam"),
      proc(11, "steamwebhelper", "/home/me/.local/share/Steam/steamapps/common/SteamLinuxRuntime/steamwebhelper"),
      proc(12, "EpicGamesLauncher.exe", "C:\\Program Files (x86)\\Epic Games\\Launcher\\Portal\\Binaries\\Win64\\EpicGamesLauncher.exe"),
    ]);
    expect(r.active).toBe(false);
    expect(r.reasons.map((x) => [x.kind, x.name])).toEqual([
      ["launcher", "Steam"],
      ["launcher", "Epic Games Launcher"],
    ]);
  });

  it("garbage from nvidia-smi or the process list is not a crash", async () => {
    const r = await detectOwnerActivity({
      runner: { run: async () => Promise.reject(new Error("spawn failed")) },
      source: { processes: async () => ({ list: [null, { pid: "x" }, proc(1, "init")] as never }) },
      isTenantPid: () => {
        throw new Error("no /proc");
      },
      now,
    });
    expect(r).toMatchObject({ active: false, reasons: [] });
    const junk = await detect("not,csv,at,all\n\u0000\u0001", []);
    expect(junk.active).toBe(false);
  });
});
