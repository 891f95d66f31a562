import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, methods } from "../../common/contract";
import { EVENT_NAMES, METHOD_NAMES } from "../../common/names";
import { stopSampleDevnet } from "./chain-samples";
import { eventTriggers, methodSamples } from "./samples";

afterAll(() => stopSampleDevnet());
import { transports, type TransportHarness } from "./transports";

// One suite, every transport: each method and event of the contract is exercised automatically.
for (const transport of transports) {
  describe(`contract over ${transport.name}`, () => {
    let h: TransportHarness;
    beforeEach(async () => {
      h = await transport.start();
    });
    afterEach(async () => {
      await h.close();
    });

    for (const method of METHOD_NAMES) {
      it(`${method}: valid input gives an ok envelope whose value matches the output schema`, async () => {
        await methodSamples[method].prepare?.(h.app);
        const result = await h.api[method](methodSamples[method].valid as never);
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) return;
        expect(methods[method].output.safeParse(result.value).success).toBe(true);
      });

      it(`${method}: invalid input gives INVALID_INPUT, not a throw`, async () => {
        const result = await h.api[method](methodSamples[method].invalid as never);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe("INVALID_INPUT");
        expect(result.error.message).toContain(method);
      });
    }

    for (const event of EVENT_NAMES) {
      it(`${event}: reaches a subscriber with a payload matching its schema, and stops after unsubscribe`, async () => {
        const received: unknown[] = [];
        const unsubscribe = h.api.subscribe(event, (payload) => received.push(payload));
        await h.eventsReady();
        await eventTriggers[event](h.app);
        await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
        expect(events[event].safeParse(received[0]).success).toBe(true);
        unsubscribe();
        await eventTriggers[event](h.app);
        await new Promise((r) => setTimeout(r, 100));
        expect(received).toHaveLength(1);
      });
    }

    it("settings survive the round trip through the store", async () => {
      const updated = await h.api["settings.update"]({ network: "sandbox-2", closeToTray: false });
      expect(updated).toEqual({ ok: true, value: { network: "sandbox-2", startAtLogin: false, closeToTray: false } });
      expect(await h.api["settings.get"]()).toEqual(updated);
    });

    it("system.summary carries the machine's hardware", async () => {
      const result = await h.api["system.summary"]();
      expect(result.ok && result.value.gpus.map((g) => g.model)).toEqual(["GeForce RTX 4090"]);
      expect(result.ok && result.value.cpu.threads).toBe(32);
    });
  });
}
