import { describe, expect, it } from "vitest";
import type { ProviderApi } from "../../../common/api";
import { METHOD_NAMES } from "../../../common/names";
import { createConnectionStatus, type ConnectionState } from "../../../renderer/src/connection";
import { trackReconnect, type ReconnectTracker } from "../../../renderer/src/hooks/use-reconnects";
import { watchUnauthorized } from "../../../renderer/src/watch-unauthorized";

describe("connection status", () => {
  it("notifies on changes only, and stops after unsubscribe", () => {
    const status = createConnectionStatus("connecting");
    const seen: string[] = [];
    const unsubscribe = status.subscribe(() => seen.push(status.get()));
    status.set("connected");
    status.set("connected");
    status.set("disconnected");
    unsubscribe();
    status.set("connected");
    expect(seen).toEqual(["connected", "disconnected"]);
    expect(status.get()).toBe("connected");
  });

  it("keeps a refused token refused, whatever the socket does afterwards", () => {
    const status = createConnectionStatus("connected");
    status.set("unauthorized");
    status.set("connected");
    status.set("disconnected");
    expect(status.get()).toBe("unauthorized");
  });
});

describe("watchUnauthorized", () => {
  function fakeApi(answer: (method: string) => unknown): { api: ProviderApi; calls: string[] } {
    const calls: string[] = [];
    const api: Record<string, unknown> = { subscribe: () => () => {} };
    for (const method of METHOD_NAMES) {
      api[method] = async (input?: unknown) => {
        calls.push(`${method}:${JSON.stringify(input ?? null)}`);
        return answer(method);
      };
    }
    return { api: api as ProviderApi, calls };
  }

  it("passes calls and answers through unchanged", async () => {
    const { api, calls } = fakeApi(() => ({ ok: true, value: { network: "local", startAtLogin: false, closeToTray: true } }));
    const status = createConnectionStatus("connected");
    const watched = watchUnauthorized(api, status);
    expect(await watched["settings.update"]({ closeToTray: true })).toEqual({ ok: true, value: { network: "local", startAtLogin: false, closeToTray: true } });
    expect(calls).toEqual(['settings.update:{"closeToTray":true}']);
    expect(status.get()).toBe("connected");
  });

  it("marks the connection unauthorized on a 401 envelope, and not on other errors", async () => {
    const status = createConnectionStatus("connected");
    const failing = watchUnauthorized(fakeApi(() => ({ ok: false, error: { code: "INTERNAL", message: "x" } })).api, status);
    await failing["app.info"]();
    expect(status.get()).toBe("connected");
    const refused = watchUnauthorized(fakeApi(() => ({ ok: false, error: { code: "UNAUTHORIZED", message: "Missing or wrong token." } })).api, status);
    const result = await refused["system.summary"]();
    expect(result.ok).toBe(false);
    expect(status.get()).toBe("unauthorized");
  });
});

describe("trackReconnect", () => {
  it("counts only a lost connection coming back", () => {
    let tracker: ReconnectTracker = { state: "connecting", count: 0 };
    const steps: ConnectionState[] = ["connected", "connected", "disconnected", "disconnected", "connected", "disconnected", "connected"];
    const counts = steps.map((state) => (tracker = trackReconnect(tracker, state)).count);
    expect(counts).toEqual([0, 0, 0, 0, 1, 1, 2]);
  });

  it("returns the same object when nothing changed (no re-render loop)", () => {
    const tracker: ReconnectTracker = { state: "connected", count: 3 };
    expect(trackReconnect(tracker, "connected")).toBe(tracker);
  });
});
