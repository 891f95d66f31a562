import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { parseHostUri } from "../../../main/provider/host-uri";

function refused(input: unknown): string {
  try {
    parseHostUri(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractFailure);
    expect((error as ContractFailure).code).toBe("INVALID_INPUT");
    return (error as ContractFailure).message;
  }
  throw new Error(`accepted ${String(input)}`);
}

describe("host URI", () => {
  it("accepts what the chain accepts and keeps it verbatim", () => {
    expect(parseHostUri("https://provider.forgeelectronics.uk:8443")).toEqual({ uri: "https://provider.forgeelectronics.uk:8443", host: "provider.forgeelectronics.uk", port: 8443, isIp: false });
    expect(parseHostUri(" https://Rig.Example.com ")).toMatchObject({ uri: "https://Rig.Example.com", host: "rig.example.com", port: 443 });
    expect(parseHostUri("https://203.0.113.7:8443")).toMatchObject({ host: "203.0.113.7", isIp: true });
    expect(parseHostUri("https://[2001:db8::1]:8443")).toMatchObject({ host: "2001:db8::1", isIp: true, port: 8443 });
  });

  it("refuses what the chain refuses, saying why", () => {
    expect(refused("http://provider.example.com:8443")).toMatch(/must use https/);
    expect(refused("https://provider.example.com:8443/")).toMatch(/must not have a path/);
    expect(refused("https://provider.example.com:8443/api")).toMatch(/must not have a path/);
    expect(refused("https://:8443")).toMatch(/no host/);
    expect(refused("provider.example.com:8443")).toMatch(/absolute URL/);
    expect(refused("https://provider.example.com:99999")).toMatch(/not a valid TCP port/);
    expect(refused("https://provider.example.com:")).toMatch(/without a port/);
    expect(refused("https://user:pw@provider.example.com")).toMatch(/user name/);
    expect(refused("https://provider.example.com?x=1")).toMatch(/query or fragment/);
    expect(refused("https://bad_host!.com")).toMatch(/not a valid host name/);
    expect(refused("")).toMatch(/Enter the address/);
    expect(refused(null)).toMatch(/Enter the address/);
  });

  it("fuzz: random strings are parsed or refused with INVALID_INPUT, never a crash", () => {
    const alphabet = "hts:/[]@?#.-_:0123456789abcXYZ%\u00e9 ";
    let seed = 17;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const input = next() < 0.5 ? `https://${body}` : body;
      try {
        const parsed = parseHostUri(input);
        expect(parsed.uri.startsWith("https://") || parsed.uri.startsWith("HTTPS://") || /^https:\/\//iu.test(parsed.uri)).toBe(true);
        expect(parsed.port).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(ContractFailure);
      }
    }
  });
});
