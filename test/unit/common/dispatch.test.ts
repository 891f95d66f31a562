import { describe, expect, it, vi } from "vitest";
import type { Handlers } from "../../../common/contract";
import { dispatch } from "../../../common/dispatch";
import { ContractFailure } from "../../../common/envelope";
import { METHOD_NAMES } from "../../../common/names";
import { DEFAULT_SETTINGS } from "../../../common/schemas";

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const base = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => { throw new Error(`${m} not stubbed`); }])) as unknown as Handlers;
  return { ...base, "settings.get": () => DEFAULT_SETTINGS, ...overrides };
}

describe("dispatch", () => {
  it("wraps a valid result in an ok envelope", async () => {
    expect(await dispatch(handlers(), "settings.get", undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it.each([["nope"], [42], [null], [{ method: "settings.get" }], ["__proto__"], ["constructor"]])("refuses unknown method %j", async (method) => {
    const result = await dispatch(handlers(), method, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
  });

  it("refuses invalid input without calling the service", async () => {
    const update = vi.fn();
    const result = await dispatch(handlers({ "settings.update": update }), "settings.update", { network: "moon-1" });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(!result.ok && result.error.message).toMatch(/network/);
    expect(update).not.toHaveBeenCalled();
  });

  it("refuses unknown keys in a patch (strict), so typos are not silently dropped", async () => {
    const result = await dispatch(handlers({ "settings.update": () => DEFAULT_SETTINGS }), "settings.update", { netwrok: "local" });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("passes a deliberate ContractFailure through with its code and message", async () => {
    const result = await dispatch(handlers({ "settings.get": () => { throw new ContractFailure("UNAVAILABLE", "Wallet is locked."); } }), "settings.get", undefined);
    expect(result).toEqual({ ok: false, error: { code: "UNAVAILABLE", message: "Wallet is locked." } });
  });

  it("hides unexpected errors behind INTERNAL and reports them to the log hook", async () => {
    const onInternalError = vi.fn();
    const result = await dispatch(handlers({ "settings.get": async () => { throw new Error("secret path /home/x"); } }), "settings.get", undefined, { onInternalError });
    expect(result).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error in settings.get." } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it("catches a service that returns something off-contract", async () => {
    const result = await dispatch(handlers({ "settings.get": () => ({ network: 7 }) as never }), "settings.get", undefined);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_OUTPUT" } });
  });

  it("never throws, whatever it is given (fuzz)", async () => {
    const samples: unknown[] = [undefined, null, 0, -1, NaN, "", "x".repeat(10_000), [], {}, { a: { b: [1, 2, { c: null }] } }, Symbol.for("s").toString(), true];
    for (const method of [...METHOD_NAMES, "bogus", 1, null]) {
      for (const input of samples) {
        const result = await dispatch(handlers({ "settings.update": () => DEFAULT_SETTINGS }), method, input);
        expect(typeof result.ok).toBe("boolean");
      }
    }
  });
});
