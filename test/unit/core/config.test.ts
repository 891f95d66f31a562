import { describe, expect, it } from "vitest";
import { readFlag, resolveDataDir } from "../../../main/config";

describe("resolveDataDir", () => {
  it("prefers --data-dir, then the env variable", () => {
    expect(resolveDataDir(["--data-dir", "/a"], { AKASH_PROVIDER_DATA_DIR: "/b" }, "linux")).toBe("/a");
    expect(resolveDataDir(["--data-dir=/c"], {}, "linux")).toBe("/c");
    expect(resolveDataDir([], { AKASH_PROVIDER_DATA_DIR: "/b", HOME: "/h" }, "linux")).toBe("/b");
  });

  it("follows each platform's convention", () => {
    expect(resolveDataDir([], { HOME: "/home/u" }, "linux")).toBe("/home/u/.local/share/akash-provider-desktop");
    expect(resolveDataDir([], { HOME: "/home/u", XDG_DATA_HOME: "/xdg" }, "linux")).toBe("/xdg/akash-provider-desktop");
    expect(resolveDataDir([], { HOME: "/Users/u" }, "darwin")).toBe("/Users/u/Library/Application Support/akash-provider-desktop");
    expect(resolveDataDir([], { USERPROFILE: "C:\\Users\\u", APPDATA: "C:\\Users\\u\\AppData\\Roaming" }, "win32")).toContain("akash-provider-desktop");
  });

  it("reads flags in both forms and ignores absent ones", () => {
    expect(readFlag(["--port", "8080"], "--port")).toBe("8080");
    expect(readFlag(["--port=9"], "--port")).toBe("9");
    expect(readFlag(["--portable"], "--port")).toBeUndefined();
  });
});

describe("--gateway-listen", () => {
  it("parses HOST:PORT, IPv6 in brackets, and refuses anything else with the expected form", async () => {
    const { gatewayListen } = await import("../../../main/headless");
    expect(gatewayListen([])).toEqual({});
    expect(gatewayListen(["--gateway-listen", "127.0.0.1:0"])).toEqual({ host: "127.0.0.1", port: 0 });
    expect(gatewayListen(["--gateway-listen=[::1]:8443"])).toEqual({ host: "::1", port: 8443 });
    for (const bad of ["8443", "host:", "host:99999", ":8443", "a b:1"]) {
      expect(() => gatewayListen(["--gateway-listen", bad]), bad).toThrow(/HOST:PORT/);
    }
  });
});
