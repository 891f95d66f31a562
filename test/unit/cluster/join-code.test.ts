import { describe, expect, it } from "vitest";
import { decodeJoinCode, encodeJoinCode } from "../../../common/cluster-join-code";
import { lanAddress } from "../../../main/cluster/lan-address";

describe("join code", () => {
  const target = { serverUrl: "https://192.168.1.20:6443", token: "K10abcdef0123456789::server:0123456789abcdef" };

  it("round-trips the server URL and token", () => {
    const code = encodeJoinCode(target);
    expect(code).toMatch(/^apd-join-v1\.[A-Za-z0-9_-]+$/);
    expect(decodeJoinCode(`  ${code}\n`)).toEqual(target);
    expect(decodeJoinCode(encodeJoinCode({ serverUrl: "https://[fd00::20]:6443", token: target.token }))).toEqual({ serverUrl: "https://[fd00::20]:6443", token: target.token });
  });

  it("a wrong, damaged or hostile code gives a clear error", () => {
    expect((decodeJoinCode("hello") as Error).message).toMatch(/not a join code/);
    expect((decodeJoinCode("apd-join-v1.%%%") as Error).message).toMatch(/damaged/);
    const sneaky = `apd-join-v1.${Buffer.from(JSON.stringify({ serverUrl: "https://x:6443 --disable-agent", token: target.token })).toString("base64url")}`;
    expect(decodeJoinCode(sneaky)).toBeInstanceOf(Error);
    for (let i = 0; i < 300; i++) {
      const junk = `apd-join-v1.${Array.from({ length: Math.floor(Math.random() * 80) }, () => String.fromCharCode(33 + Math.floor(Math.random() * 94))).join("")}`;
      expect(decodeJoinCode(junk)).toBeInstanceOf(Error);
    }
  });
});

describe("LAN address", () => {
  it("skips loopback, link-local and k3s's own interfaces", () => {
    const iface = (address: string, internal = false) => ({ address, internal, family: "IPv4" as const, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: null });
    expect(lanAddress({ lo: [iface("127.0.0.1", true)], cni0: [iface("10.42.0.1")], eth0: [iface("169.254.3.4"), iface("192.168.1.20")] })).toBe("192.168.1.20");
    expect(lanAddress({ lo: [iface("127.0.0.1", true)] })).toBeNull();
  });
});
