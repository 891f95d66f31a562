import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GpuReclaimImpact } from "../../../common/serving-schemas";
import {
  describeReclaimImpact,
  formatAmountWithUsd,
  formatUactAsUsd,
  gamingModeEffect,
  shortAddress,
} from "../../../renderer/src/features/status/format-gaming-impact";
import { GamingImpactPanel } from "../../../renderer/src/features/status/gaming-impact";

// The gaming-mode confirmation: exact amounts (uact → ACT → $ at 1:1), the leases it lists, and a
// truthful sentence about what the switch does. The panel is rendered to HTML in Node.

const TENANT = "akash1s7x3xzkv5zqzdtg4a8w9mnwmr0u9s5l5d0lnzp";
const impact: GpuReclaimImpact = GpuReclaimImpact.parse({
  blocksPerHour: 600,
  leases: [
    { owner: TENANT, dseq: "18234", gseq: 1, oseq: 1, gpus: 2, denom: "uact", accrued: "1250000", lostPerHour: "720000" },
    { owner: "akash1short", dseq: "18300", gseq: 2, oseq: 3, gpus: 1, denom: "uakt", accrued: "0", lostPerHour: "3600" },
  ],
  lostPerHour: [
    { denom: "uact", amount: "720000" },
    { denom: "uakt", amount: "3600" },
  ],
});

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

describe("formatUactAsUsd", () => {
  it("is exact to the µUSD, with at least cents", () => {
    expect(formatUactAsUsd("0")).toBe("$0.00");
    expect(formatUactAsUsd("360000")).toBe("$0.36");
    expect(formatUactAsUsd("1500000")).toBe("$1.50");
    expect(formatUactAsUsd("3600")).toBe("$0.0036");
    expect(formatUactAsUsd("1")).toBe("$0.000001");
    expect(formatUactAsUsd("1234567890123")).toBe("$1,234,567.890123");
    expect(formatUactAsUsd("99999999999999999999999999")).toBe("$99,999,999,999,999,999,999.999999");
  });

  it("says unknown for anything that is not a base-unit integer", () => {
    for (const bad of ["", "-1", "1.5", "1e6", " 1", "abc", "1".repeat(41)]) expect(formatUactAsUsd(bad)).toBe("unknown");
  });
});

describe("formatAmountWithUsd", () => {
  it("adds the dollar value only for uact", () => {
    expect(formatAmountWithUsd("720000", "uact")).toBe("0.72 ACT (\u2248 $0.72)");
    expect(formatAmountWithUsd("3600", "uakt")).toBe("0.0036 AKT");
    expect(formatAmountWithUsd("5", "ibc/ABC")).toBe("5 ibc/ABC");
    expect(formatAmountWithUsd("x", "uact")).toBe("x uact");
  });
});

describe("shortAddress", () => {
  it("keeps the prefix and the tail of a long address and leaves short ones whole", () => {
    expect(shortAddress(TENANT)).toBe("akash1s7x3xz\u2026d0lnzp");
    expect(shortAddress("akash1short")).toBe("akash1short");
    expect(shortAddress("")).toBe("");
  });
});

describe("describeReclaimImpact", () => {
  it("lists each lease with its id, tenant, GPUs, hourly loss and accrued payout, and the totals", () => {
    const view = describeReclaimImpact(impact);
    expect(view.gpus).toBe(3);
    expect(view.rows).toEqual([
      {
        key: `${TENANT}/18234/1/1`,
        lease: "dseq 18234 \u00b7 group 1 \u00b7 order 1",
        owner: "akash1s7x3xz\u2026d0lnzp",
        ownerFull: TENANT,
        gpus: "2 GPUs",
        perHour: "0.72 ACT (\u2248 $0.72) per hour",
        accrued: "1.25 ACT (\u2248 $1.25)",
      },
      {
        key: "akash1short/18300/2/3",
        lease: "dseq 18300 \u00b7 group 2 \u00b7 order 3",
        owner: "akash1short",
        ownerFull: "akash1short",
        gpus: "1 GPU",
        perHour: "0.0036 AKT per hour",
        accrued: "0 AKT",
      },
    ]);
    expect(view.totals).toEqual(["0.72 ACT (\u2248 $0.72) per hour", "0.0036 AKT per hour"]);
  });

  it("leaves zero totals out and handles no leases", () => {
    expect(describeReclaimImpact({ blocksPerHour: 600, leases: [], lostPerHour: [{ denom: "uact", amount: "0" }] })).toEqual({ rows: [], gpus: 0, totals: [] });
  });

  it("never throws on any schema-valid impact (random amounts, denoms and addresses)", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const digits = () => String(rand(10 ** 9)).repeat(1 + rand(4));
    const word = () => Array.from({ length: rand(60) }, () => String.fromCharCode(32 + rand(95))).join("");
    for (let i = 0; i < 300; i++) {
      const leases = Array.from({ length: rand(5) }, () => ({
        owner: word(),
        dseq: word(),
        gseq: rand(100),
        oseq: rand(100),
        gpus: rand(9),
        denom: ["uact", "uakt", word()][rand(3)]!,
        accrued: digits(),
        lostPerHour: digits(),
      }));
      const parsed = GpuReclaimImpact.parse({ blocksPerHour: 1 + rand(1000), leases, lostPerHour: leases.map((l) => ({ denom: l.denom, amount: l.lostPerHour })) });
      const view = describeReclaimImpact(parsed);
      expect(view.rows).toHaveLength(leases.length);
      for (const row of view.rows) expect(row.perHour).toMatch(/ per hour$/);
    }
  });
});

describe("gamingModeEffect", () => {
  it("says new bids stop only when the pause-while-gaming rule is on, and that running leases keep running", () => {
    expect(gamingModeEffect(true)).toMatch(/stops new bids/);
    expect(gamingModeEffect(false)).toMatch(/will not stop new bids/);
    for (const on of [true, false]) expect(gamingModeEffect(on)).toMatch(/does not close or pause running leases/);
  });
});

describe("GamingImpactPanel", () => {
  const noop = () => undefined;

  it("is a labelled dialog listing the leases, what stops per hour, the payout, and the two buttons", () => {
    const html = renderToStaticMarkup(createElement(GamingImpactPanel, { check: { kind: "impact", impact }, pauseWhileGaming: true, busy: false, onConfirm: noop, onCancel: noop }));
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="gi-title"');
    const shown = text(html);
    expect(shown).toContain("2 running leases use 3 GPUs");
    expect(shown).toContain("0.72 ACT (\u2248 $0.72) per hour + 0.0036 AKT per hour");
    expect(shown).toContain("dseq 18234 \u00b7 group 1 \u00b7 order 1");
    expect(shown).toContain("akash1s7x3xz\u2026d0lnzp");
    expect(shown).toContain("paid out to you when the lease closes, not lost");
    expect(shown).toContain("Gaming mode stops new bids");
    expect(shown).toMatch(/Turn on gaming mode\s+Cancel/);
    expect(html).not.toContain("style=");
    expect(html).not.toContain("disabled");
  });

  it("shows a failed check and still offers to turn gaming mode on", () => {
    const html = renderToStaticMarkup(
      createElement(GamingImpactPanel, {
        check: { kind: "error", error: { code: "UNAVAILABLE", message: "chain RPC did not answer" } },
        pauseWhileGaming: false,
        busy: true,
        onConfirm: noop,
        onCancel: noop,
      }),
    );
    const shown = text(html);
    expect(shown).toContain("Could not check which running leases use the GPU");
    expect(shown).toContain("chain RPC did not answer");
    expect(shown).toContain("will not stop new bids");
    expect(shown).toContain("Turn on gaming mode");
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });
});
