import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EngineStatusView } from "../../../common/bidengine-live-schemas";
import { LeaseEarnings } from "../../../common/earnings-schemas";
import { GatewayStatus } from "../../../common/serving-schemas";
import { blockTimeNote, formatPerHour, formatRate, microUsdPerHour, parseDec18 } from "../../../renderer/src/features/leases/lease-rate";
import { leaseRange, mergeLeases, parseLeaseId } from "../../../renderer/src/features/leases/lease-rows";
import { LeaseTable, leaseLabel, resourcesLabel, stateLabel } from "../../../renderer/src/features/leases/lease-table";
import { servingWarning } from "../../../renderer/src/features/leases/serving-warning";

const TENANT = "akash1tenant0000000000000000000000000000000";
const PROVIDER = "akash1provider00000000000000000000000000000";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

function ledgerLease(dseq: string, over: Partial<LeaseEarnings> = {}): LeaseEarnings {
  return LeaseEarnings.parse({
    leaseId: `${TENANT}/${dseq}/1/1/${PROVIDER}`,
    owner: TENANT,
    dseq,
    state: "active",
    rateUactPerBlock: "604.166666666666666667",
    createdHeight: 1000,
    closedHeight: null,
    earnedUact: "120000",
    withdrawnUact: "2500000",
    accruedUact: "125000",
    closePaidUact: "0",
    electricityUsdMicro: "40000",
    electricityConverted: true,
    netUsdMicro: "80000",
    gpus: ["gpu0"],
    ...over,
  });
}

function engine(over: Partial<EngineStatusView> = {}): EngineStatusView {
  return EngineStatusView.parse({
    network: "devnet",
    state: "running",
    reason: null,
    openBids: 3,
    activeLeases: 1,
    trackedOrders: 7,
    height: 5000,
    gamingMode: false,
    leases: [],
    servingNotice: null,
    ...over,
  });
}

function gateway(over: Partial<GatewayStatus> = {}): GatewayStatus {
  return GatewayStatus.parse({
    state: "listening",
    message: "serving tenants",
    address: "0.0.0.0:8443",
    certSerial: "1",
    provider: PROVIDER,
    cluster: { ready: true, message: "k3s ready" },
    manifestsReceived: 0,
    leasesServed: 0,
    awaitingManifest: 0,
    ...over,
  });
}

describe("parseLeaseId", () => {
  it("reads ledger ids (with the provider) and engine keys (without)", () => {
    expect(parseLeaseId(`${TENANT}/42/1/2/${PROVIDER}`)).toEqual({ owner: TENANT, dseq: "42", gseq: 1, oseq: 2 });
    expect(parseLeaseId(`${TENANT}/18446744073709551615/3/1`)).toEqual({ owner: TENANT, dseq: "18446744073709551615", gseq: 3, oseq: 1 });
  });

  it("refuses anything else instead of guessing", () => {
    for (const bad of ["", "/", `${TENANT}/42/1`, `${TENANT}/x/1/1`, `${TENANT}/42/-1/1`, `${TENANT}/42/1/1/p/extra`, `AKASH/42/1/1`, `${TENANT}/42/1.5/1`]) {
      expect(parseLeaseId(bad), bad).toBeNull();
    }
  });

  it("never throws on random input", () => {
    const alphabet = "akash10123456789/.-x ";
    for (let i = 0; i < 2000; i++) {
      let id = "";
      const length = (i * 7919) % 80;
      for (let j = 0; j < length; j++) id += alphabet[(i * 31 + j * 17 + ((i * j) % 13)) % alphabet.length];
      const parsed = parseLeaseId(id);
      if (parsed) expect(`${parsed.owner}/${parsed.dseq}/${parsed.gseq}/${parsed.oseq}`).toBe(id.split("/").slice(0, 4).join("/"));
    }
  });
});

describe("lease rate", () => {
  it("turns uact per block into µUSD per hour exactly, at the block time given", () => {
    // $0.3625/h at 6 s blocks is 604.1666… uact/block (the Pricing page's reference workload).
    expect(microUsdPerHour("604.166666666666666667", "uact", 6000)).toBe(362_500n);
    expect(microUsdPerHour("100", "uact", 6000)).toBe(60_000n);
    // Slower blocks pay fewer per hour: 3600 s / 7 s = 514.28… blocks.
    expect(microUsdPerHour("100", "uact", 7000)).toBe(51_429n);
    expect(microUsdPerHour("0.000000000000000001", "uact", 6000)).toBe(0n);
  });

  it("gives no $/h for another denom or a bad amount or block time", () => {
    expect(microUsdPerHour("100", "uakt", 6000)).toBeNull();
    expect(microUsdPerHour("1e5", "uact", 6000)).toBeNull();
    expect(microUsdPerHour("-1", "uact", 6000)).toBeNull();
    expect(microUsdPerHour("1.0000000000000000001", "uact", 6000)).toBeNull();
    expect(microUsdPerHour("100", "uact", 0)).toBeNull();
    expect(microUsdPerHour("100", "uact", 1.5)).toBeNull();
    expect(parseDec18("12.5")).toBe(12_500_000_000_000_000_000n);
    expect(parseDec18("")).toBeNull();
  });

  it("formats rates and hourly figures for the table", () => {
    expect(formatRate("604.166666666666666667", "uact")).toBe("604.17 uact/block");
    expect(formatRate("12", "uakt")).toBe("12.00 uakt/block");
    expect(formatPerHour(362_500n)).toBe("$0.3625/h");
    expect(formatPerHour(12_345_678n)).toBe("$12.35/h");
    expect(formatPerHour(0n)).toBe("$0.0000/h");
    expect(blockTimeNote(6000)).toBe("600 blocks/h (6 s blocks)");
    expect(blockTimeNote(6500)).toBe("554 blocks/h (6.5 s blocks)");
  });
});

describe("mergeLeases", () => {
  it("splits open and closed leases, newest deployment first, and sums withdrawn + accrued as earned", () => {
    const { open, closed } = mergeLeases(
      [
        ledgerLease("9", { state: "closed", closedHeight: 2000 }),
        ledgerLease("10"),
        ledgerLease("100", { state: "insufficient_funds" }),
      ],
      null,
    );
    expect(open.map((r) => r.dseq)).toEqual(["100", "10"]);
    expect(closed.map((r) => r.dseq)).toEqual(["9"]);
    expect(open[1]).toMatchObject({ key: `${TENANT}/10/1/1`, gseq: 1, oseq: 1, earnedUact: "2625000", withdrawnUact: "2500000", reconciled: true, rate: { amount: "604.166666666666666667", denom: "uact" } });
  });

  it("adds leases the engine won that the ledger has not read yet, and prefers the ledger where both know one", () => {
    const won = [
      { key: `${TENANT}/10/1/1`, price: { denom: "uact", amount: "1.0" } },
      { key: `${TENANT}/11/2/1`, price: { denom: "uact", amount: "700.5" } },
      { key: "garbage", price: { denom: "uact", amount: "not a number" } },
    ];
    const { open } = mergeLeases([ledgerLease("10", { state: "closed" })], won);
    expect(open.map((r) => r.key)).toEqual([`${TENANT}/11/2/1`, "garbage"]);
    expect(open[0]).toMatchObject({ owner: TENANT, dseq: "11", gseq: 2, oseq: 1, state: "active", reconciled: false, earnedUact: null, rate: { amount: "700.5", denom: "uact" } });
    expect(open[1]).toMatchObject({ dseq: "?", rate: null });
    // The ledger's closed state wins over the engine's "won".
    const { closed } = mergeLeases([ledgerLease("10", { state: "closed" })], won);
    expect(closed.map((r) => r.dseq)).toEqual(["10"]);
  });

  it("shows nothing from nothing", () => {
    expect(mergeLeases(null, null)).toEqual({ open: [], closed: [] });
    expect(mergeLeases([], [])).toEqual({ open: [], closed: [] });
  });

  it("queries the last 365 days up to the next hour, a range the contract accepts", () => {
    const range = leaseRange(new Date("2026-11-21T23:10:05Z"));
    expect(range).toEqual({ from: "2025-11-22T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z" });
  });
});

describe("servingWarning", () => {
  it("says nothing while the gateway listens and the cluster is ready", () => {
    expect(servingWarning(engine(), gateway())).toBeNull();
    expect(servingWarning(null, null)).toBeNull();
  });

  it("warns when the gateway is not listening or the cluster is not ready, with the reason", () => {
    const stopped = servingWarning(engine(), gateway({ state: "stopped", message: "no valid provider certificate on chain" }));
    expect(stopped).toContain("Leases this provider wins must be served");
    expect(stopped).toContain("the tenant gateway is not listening (no valid provider certificate on chain)");
    const both = servingWarning(null, gateway({ state: "failed", message: "port 8443 in use", cluster: { ready: false, message: "k3s is not installed" } }));
    expect(both).toContain("not listening (port 8443 in use) and the cluster cannot run workloads (k3s is not installed)");
  });

  it("puts the engine's own notice first", () => {
    const notice = "1 won lease has nobody serving it: start the gateway.";
    expect(servingWarning(engine({ servingNotice: notice }), gateway())).toBe(notice);
    expect(servingWarning(engine({ servingNotice: notice }), null)).toBe(notice);
    expect(servingWarning(engine({ servingNotice: notice }), gateway({ state: "stopped", message: "wallet locked" }))).toMatch(/^1 won lease has nobody serving it: start the gateway\. Leases this provider wins/u);
  });
});

describe("LeaseTable", () => {
  it("renders an accessible table: caption, column headers, the lease id heading each row", () => {
    const { open } = mergeLeases([ledgerLease("42", { gpus: ["gpu0", "gpu1"] })], [{ key: `${TENANT}/43/1/1`, price: { denom: "uakt", amount: "5" } }]);
    const html = renderToStaticMarkup(createElement(LeaseTable, { rows: open, caption: "Active leases", blockTimeMs: 6000 }));
    expect(html).toContain("<caption");
    expect(html.match(/<th scope="col">/gu)).toHaveLength(7);
    expect(html.match(/<th scope="row">/gu)).toHaveLength(2);
    expect(html).not.toContain("style=");
    const shown = text(html);
    expect(shown).toContain("dseq 42 · 1/1");
    expect(shown).toContain(TENANT);
    expect(shown).toContain("2 GPUs (gpu0, gpu1)");
    expect(shown).toContain("604.17 uact/block ≈ $0.3625/h");
    expect(shown).toContain("2.63 ACT 2.50 ACT withdrawn");
    expect(shown).toContain("from block 1,000");
    // The engine-only lease: priced in uakt, so no $/h; earnings after the next ledger update.
    expect(shown).toContain("5.00 uakt/block");
    expect(shown).toContain("Won (not in the ledger yet)");
    expect(shown).toContain("after the next ledger update");
  });

  it("labels states, ids and resources", () => {
    const [row] = mergeLeases([ledgerLease("7", { state: "closed", closedHeight: 1500, gpus: [] })], null).closed;
    expect(stateLabel(row!)).toBe("Closed");
    expect(leaseLabel(row!)).toBe("dseq 7 · 1/1");
    expect(resourcesLabel(row!)).toBe("—");
    const html = text(renderToStaticMarkup(createElement(LeaseTable, { rows: [row!], caption: "Closed", blockTimeMs: 6000 })));
    expect(html).toContain("to block 1,500");
    expect(leaseLabel({ ...row!, gseq: null })).toBe("dseq 7");
  });
});
