import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DecisionView, ScreenOutput } from "../../../common/bidengine-schemas";
import { screen, ScreenInputError } from "../../../main/bidengine/screen";
import { createApp } from "../../../main/app";
import { gamingPc } from "../../support/fake-system";
import { context, groupSpecs, orderFromSpec, readFixture } from "./helpers";

describe("screen: the decision without side effects", () => {
  it("screens the real mainnet orders-list response and explains the decline", () => {
    const out = screen(readFixture("akash-mainnet/orders-list.json"), context());
    expect(ScreenOutput.safeParse(out).success).toBe(true);
    expect(out.decisions).toHaveLength(1);
    expect(out.decisions[0]).toMatchObject({ key: "akash1000dryw6pj53kxt6fe8admaue5lvjf8jjprqqh/20805457/1/1", outcome: "declined", reason: "denom_unsupported", price: null });
  });

  it("gives a bid with its price, floor and max for a pasted order that fits", () => {
    const order = orderFromSpec(groupSpecs("http-options")[0]!, { denom: "uact" }) as { spec: { requirements: { signed_by: unknown } } };
    order.spec.requirements.signed_by = { all_of: [], any_of: [] };
    const [d] = screen(JSON.stringify(order), context()).decisions;
    expect(DecisionView.parse(d)).toMatchObject({ outcome: "bid", reason: null, strategy: "fixed", maxPrice: "150.000000000000000000" });
    expect(d!.price!.denom).toBe("uact");
    expect(BigInt(d!.price!.amount.replace(".", ""))).toBeGreaterThanOrEqual(BigInt(d!.floor!.replace(".", "")));
  });

  it("reports unreadable entries of a list and screens the rest; refuses text that is not an order", () => {
    const good = orderFromSpec(groupSpecs("simple")[0]!, { denom: "uact" });
    const out = screen({ orders: [good, { id: "?" }], pagination: {} }, context());
    expect(out.decisions).toHaveLength(1);
    expect(out.rejected).toEqual([{ index: 1, message: expect.stringContaining("orders[1].id") }]);
    expect(() => screen("{not json", context())).toThrow(ScreenInputError);
    expect(() => screen("{not json", context())).toThrow(/not JSON/);
    expect(() => screen({ hello: 1 }, context())).toThrow(/not an Akash order: order\.id/);
    expect(() => screen({ orders: [1, 2] }, context())).toThrow(/No order in it could be read/);
  });

  it("through the app: saved settings drive screening, and bad input is an INVALID_INPUT envelope", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "apd-bid-"));
    const app = createApp({ dataDir, mode: "headless", version: "0.0.0-test" }, { systemInfo: gamingPc, log: () => {} });
    try {
      const order = JSON.stringify({ order: readFixture("akash-mainnet/orders-list.json") });
      const first = await app.call("bidengine.screen", { order: JSON.parse(order).order });
      expect(first).toMatchObject({ ok: true, value: { decisions: [{ reason: "denom_unsupported" }] } });
      const bad = await app.call("bidengine.screen", { order: "[1," });
      expect(bad).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
      const settings = await app.call("bidengine.settings", undefined);
      expect(settings.ok).toBe(true);
      await app.call("bidengine.updateSettings", { paused: true });
      const good = orderFromSpec(groupSpecs("port-ranges")[0]!, { denom: "uact" });
      const paused = await app.call("bidengine.screen", { order: good as Record<string, unknown> });
      expect(paused).toMatchObject({ ok: true, value: { decisions: [{ reason: "paused", fix: { setting: "paused" } }] } });
      const history = await app.call("bidengine.decisions", {});
      expect(history).toEqual({ ok: true, value: { decisions: [] } }); // screening records nothing
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
