import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DecisionView } from "../../../common/bidengine-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { runScreenCli } from "../../../main/cli/screen";
import { openDatabase } from "../../../main/store/database";
import { FIXTURES, groupSpecs, orderFromSpec } from "./helpers";

const mainnet = fileURLToPath(new URL("akash-mainnet/orders-list.json", FIXTURES));
const dir = mkdtempSync(join(tmpdir(), "apd-screen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runScreenCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: () => stdin ?? "", now: () => new Date("2026-11-18T12:00:00Z") });
  return { code, out, err: err.join("\n") };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const openOrder = (dseq: string) => {
  const o = orderFromSpec(groupSpecs("port-ranges")[0]!, { denom: "uact", dseq }) as Record<string, unknown>;
  return o;
};

describe("npm run screen", () => {
  it("prints one JSON decision per order of an orders-list response and exits 0", () => {
    const list = file("list.json", { orders: [openOrder("1"), openOrder("2"), { broken: true }], pagination: { next_key: null } });
    const r = run([list]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    const decisions = r.out.map((line) => DecisionView.parse(JSON.parse(line)));
    expect(decisions.map((d) => [d.orderId.dseq, d.outcome])).toEqual([["1", "bid"], ["2", "bid"]]);
    expect(r.err).toContain("skipped entry 2");
  });

  it("reads the real mainnet file and declines it with the reason", () => {
    const r = run([mainnet]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ outcome: "declined", reason: "denom_unsupported" });
  });

  it("uses --config settings, or the settings saved in a data dir", () => {
    const paused = file("paused.json", { ...DEFAULT_BIDENGINE_SETTINGS, paused: true });
    const one = file("one.json", openOrder("7"));
    expect(JSON.parse(run([one, "--config", paused]).out[0]!)).toMatchObject({ reason: "paused" });
    const dataDir = join(dir, "data");
    const db = openDatabase(join(dataDir, "provider.sqlite"));
    new BidSettingsRepo(db, () => new Date()).update({ policies: { ...DEFAULT_BIDENGINE_SETTINGS.policies, denyTenants: ["akash1tenant0000000000000000000000000000000"] } });
    db.close();
    expect(JSON.parse(run([one, `--data-dir=${dataDir}`]).out[0]!)).toMatchObject({ reason: "tenant_denied" });
    expect(JSON.parse(run([one, "--open-bids", "10"]).out[0]!)).toMatchObject({ reason: "max_concurrent_bids" });
    expect(JSON.parse(run(["-"], JSON.stringify(openOrder("8"))).out[0]!)).toMatchObject({ outcome: "bid" });
  });

  it("exits 2 with a clear message for a missing, non-JSON or non-order file, or bad arguments", () => {
    expect(run([join(dir, "nope.json")])).toMatchObject({ code: 2, err: expect.stringContaining("no such file") });
    expect(run([file("bad.json", "{oops")])).toMatchObject({ code: 2, err: expect.stringContaining("not JSON") });
    expect(run([file("other.json", { hello: "world" })])).toMatchObject({ code: 2, err: expect.stringContaining("not an Akash order") });
    expect(run([file("bad-config.json", { paused: 1 }), "--config", file("cfg.json", { paused: 1 })])).toMatchObject({ code: 2, err: expect.stringContaining("not valid bid engine settings") });
    expect(run([])).toMatchObject({ code: 2, err: expect.stringContaining("Which file?") });
    expect(run(["a.json", "b.json"]).code).toBe(2);
    expect(run(["--open-bids", "-1", mainnet]).code).toBe(2);
    expect(run(["--frobnicate"]).code).toBe(2);
    const help = run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain('"blockTimeMs": 6000');
  });

  it("runs as a real process through tsx", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const tsx = join(root, "node_modules/.bin/tsx");
    const out = execFileSync(tsx, ["main/cli/screen.ts", mainnet], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out.trim())).toMatchObject({ reason: "denom_unsupported" });
    const bad = spawnSync(tsx, ["main/cli/screen.ts", join(dir, "missing.json")], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Cannot read it");
  });
});
