import { describe, expect, it } from "vitest";
import { formatCount } from "../../../renderer/src/format/count";
import { formatDateTime } from "../../../renderer/src/format/date-time";
import { describeError } from "../../../renderer/src/format/error";
import { NETWORK_OPTIONS, networkDescription, networkLabel } from "../../../renderer/src/format/network";
import { NetworkId } from "../../../common/schemas";

describe("formatCount", () => {
  it("pluralises", () => {
    expect(formatCount(1, "GPU")).toBe("1 GPU");
    expect(formatCount(0, "GPU")).toBe("0 GPUs");
    expect(formatCount(32, "thread")).toBe("32 threads");
    expect(formatCount(2, "entry", "entries")).toBe("2 entries");
  });
});

describe("formatDateTime", () => {
  it("formats a valid timestamp with date and time, and passes garbage through", () => {
    const text = formatDateTime("2026-11-21T21:34:24.000Z", "en-GB");
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});

describe("describeError", () => {
  it("turns each error code into a readable title and keeps the app's message as detail", () => {
    const transport = describeError({ code: "TRANSPORT", message: "Cannot reach the app: fetch failed" });
    expect(transport).toEqual({ title: "Cannot reach the app.", detail: "fetch failed", retryable: true });
    expect(describeError({ code: "TRANSPORT", message: "Cannot reach the app." }).detail).toBe("Cannot reach the app.");
    expect(describeError({ code: "TRANSPORT", message: "The app answered HTTP 502." }).detail).toBe("The app answered HTTP 502.");
    const unauthorized = describeError({ code: "UNAUTHORIZED", message: "Missing or wrong token." });
    expect(unauthorized.title).toMatch(/link the app printed/);
    expect(unauthorized.retryable).toBe(false);
    expect(describeError({ code: "INVALID_INPUT", message: "Invalid input for settings.update: network" }).retryable).toBe(false);
  });

  it("handles thrown errors, strings and junk without throwing", () => {
    expect(describeError(new Error("boom")).detail).toBe("boom");
    expect(describeError("plain").detail).toBe("plain");
    for (const junk of [null, undefined, 42, {}, { code: "NOPE", message: "x" }, { code: "INTERNAL" }, [], () => 1]) {
      const readable = describeError(junk);
      expect(typeof readable.title).toBe("string");
      expect(readable.title.length).toBeGreaterThan(0);
    }
  });
});

describe("network labels", () => {
  it("names and describes every network in the contract, in contract order", () => {
    expect(NETWORK_OPTIONS).toEqual(NetworkId.options);
    for (const network of NetworkId.options) {
      expect(networkLabel(network).length).toBeGreaterThan(0);
      expect(networkDescription(network).length).toBeGreaterThan(0);
    }
    expect(networkLabel("akashnet-2")).toContain("Mainnet");
  });
});
