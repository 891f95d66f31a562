import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { parseHostUri } from "../../../main/provider/host-uri";
import { endpointsProblem, parseEndpoints } from "../../../renderer/src/features/network/endpoints-input";
import { hostUriProblem } from "../../../renderer/src/features/provider/host-uri-check";
import { attributeKeyProblem, draftFromRecord, draftToInput, EMPTY_DRAFT } from "../../../renderer/src/features/provider/provider-draft";
import { formatBaseUnits, notMoreThan, parseDisplayAmount } from "../../../renderer/src/features/treasury/amounts";
import { formatCommission } from "../../../renderer/src/features/treasury/stake-action";
import { mnemonicShapeProblem, newPassphraseProblem } from "../../../renderer/src/features/wallet/passphrase";

// The wizard's and Settings' input checks: what the user typed → a value, or a message naming the fix.
// Fuzzed with random input: a result or a message, never a throw.

function randomText(seed: number, alphabet: string, maxLength: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  const length = next() % (maxLength + 1);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
  return out;
}
const NASTY = "0123456789.,- eE+abc:/[]@?#%\u0000\u00e9\u{1F600}\n\t";

describe("amounts (6 decimals, exact)", () => {
  it("formats base units with grouping and no trailing zeros", () => {
    expect(formatBaseUnits("1000000000")).toBe("1,000");
    expect(formatBaseUnits("1989999144")).toBe("1,989.999144");
    expect(formatBaseUnits("500000")).toBe("0.5");
    expect(formatBaseUnits("0")).toBe("0");
    expect(formatBaseUnits("123456789012345678901234567890")).toBe("123,456,789,012,345,678,901,234.56789");
    expect(formatBaseUnits("-5")).toBe("-5"); // not base units: shown as is
  });

  it("parses what people type, without floating point", () => {
    expect(parseDisplayAmount("12.5")).toEqual({ ok: true, base: "12500000" });
    expect(parseDisplayAmount(" 1,000 ")).toEqual({ ok: true, base: "1000000000" });
    expect(parseDisplayAmount("0.1")).toEqual({ ok: true, base: "100000" });
    expect(parseDisplayAmount(".5")).toEqual({ ok: true, base: "500000" });
    expect(parseDisplayAmount("0.000001")).toEqual({ ok: true, base: "1" });
    expect(parseDisplayAmount("0.0000001")).toEqual({ ok: false, message: "At most 6 decimals." });
    expect(parseDisplayAmount("0")).toEqual({ ok: false, message: "The amount must be more than zero." });
    expect(parseDisplayAmount("")).toEqual({ ok: false, message: "Enter an amount." });
    expect(parseDisplayAmount("1e6").ok).toBe(false);
    expect(parseDisplayAmount("-1").ok).toBe(false);
    expect(parseDisplayAmount(".").ok).toBe(false);
    expect(parseDisplayAmount("1.2.3").ok).toBe(false);
    expect(parseDisplayAmount("9".repeat(31)).ok).toBe(false);
  });

  it("round-trips every parsed amount and never throws on garbage", () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomText(seed, NASTY, 24);
      const parsed = parseDisplayAmount(text);
      if (parsed.ok) {
        expect(parsed.base).toMatch(/^[1-9]\d*$/);
        expect(parseDisplayAmount(formatBaseUnits(parsed.base))).toEqual(parsed);
      } else expect(parsed.message.length).toBeGreaterThan(0);
    }
  });

  it("compares base-unit strings as integers", () => {
    expect(notMoreThan("999999999999999999999", "1000000000000000000000")).toBe(true);
    expect(notMoreThan("2", "10")).toBe(true);
    expect(notMoreThan("11", "10")).toBe(false);
    expect(notMoreThan("1.5", "10")).toBe(false);
  });
});

describe("host URI check", () => {
  it("names what is wrong", () => {
    expect(hostUriProblem("https://rig.example.com:8443")).toBeNull();
    expect(hostUriProblem("https://203.0.113.7:8443")).toBeNull();
    expect(hostUriProblem("https://[2001:db8::1]:8443")).toBeNull();
    expect(hostUriProblem("")).toMatch(/Enter the address/);
    expect(hostUriProblem("rig.example.com")).toMatch(/Start with https/);
    expect(hostUriProblem("http://rig.example.com")).toMatch(/Use https/);
    expect(hostUriProblem("https://rig.example.com:8443/")).toMatch(/Remove the path/);
    expect(hostUriProblem("https://rig.example.com?x=1")).toMatch(/query or fragment/);
    expect(hostUriProblem("https://me@rig.example.com")).toMatch(/user name/);
    expect(hostUriProblem("https://:8443")).toMatch(/host name/);
    expect(hostUriProblem("https://rig.example.com:")).toMatch(/port number/);
    expect(hostUriProblem("https://rig.example.com:70000")).toMatch(/not a valid TCP port/);
    expect(hostUriProblem("https://rig_1.example.com")).toMatch(/not a valid host name/);
  });

  it("agrees with the app's own check (main/provider/host-uri) on valid and random input", () => {
    const accepted = (input: string) => {
      try {
        parseHostUri(input);
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(ContractFailure);
        return false;
      }
    };
    const corpus = [
      "https://a.b",
      "https://a.b:1",
      "https://a.b:0",
      "https://-a.b",
      "https://a-.b",
      "HTTPS://A.B",
      "https://a..b",
      "https://a.b.",
      "https://[::1]",
      "https://1.2.3.4:443",
      "ftp://a.b",
      "https://a.b#x",
      ...Array.from({ length: 3000 }, (_, i) => `https://${randomText(i + 7, "ab1-._:[]/@?#", 14)}`),
      ...Array.from({ length: 1000 }, (_, i) => randomText(i + 99, NASTY, 30)),
    ];
    // Bracketed hosts are left out: main strips a leading "[" and the last character without checking
    // the pair (it accepts "https://[11b-"); this check is stricter there, tested below.
    for (const input of corpus.filter((i) => !/[[\]]/.test(i))) expect([input, hostUriProblem(input) === null]).toEqual([input, accepted(input)]);
  });

  it("accepts an IPv6 literal only in brackets and well-formed", () => {
    expect(hostUriProblem("https://[::1]:8443")).toBeNull();
    expect(hostUriProblem("https://[11b-")).toMatch(/not a valid IPv6 address/);
    expect(hostUriProblem("https://[1:2:3]")).toMatch(/not a valid IPv6 address/);
    expect(hostUriProblem("https://[zz::1]")).not.toBeNull();
  });
});

describe("wallet inputs", () => {
  it("asks for a usable passphrase, typed twice", () => {
    expect(newPassphraseProblem("", "")).toMatch(/Choose a passphrase/);
    expect(newPassphraseProblem("short", "short")).toMatch(/at least 8/);
    expect(newPassphraseProblem("long enough", "long enuogh")).toMatch(/differ/);
    expect(newPassphraseProblem("long enough", "long enough")).toBeNull();
  });

  it("checks a pasted phrase's shape and says which word is odd", () => {
    const words12 = Array.from({ length: 12 }, () => "abandon").join(" ");
    expect(mnemonicShapeProblem(words12)).toBeNull();
    expect(mnemonicShapeProblem(`  ${words12.replace(/ /g, "\n ")}  `)).toBeNull();
    expect(mnemonicShapeProblem("")).toMatch(/Paste or type/);
    expect(mnemonicShapeProblem("one two three")).toBe("That is 3 words; a recovery phrase has 12, 15, 18, 21 or 24.");
    expect(mnemonicShapeProblem(words12.replace(/abandon$/, "Abandon1"))).toMatch(/^Word 12 /);
    for (let seed = 1; seed <= 500; seed++) expect(typeof (mnemonicShapeProblem(randomText(seed, "ab \n1Z", 200)) ?? "")).toBe("string");
  });
});

describe("provider draft", () => {
  it("sends only what the user filled in", () => {
    expect(draftToInput({ ...EMPTY_DRAFT, hostUri: " https://rig.example.com:8443 ", region: " eu-west ", extra: [{ key: " ", value: "x" }, { key: "gpu-count", value: " 2 " }] })).toEqual({
      hostUri: "https://rig.example.com:8443",
      region: "eu-west",
      extra: [{ key: "gpu-count", value: "2" }],
    });
  });

  it("starts from the chain's record, keeping hand-made attributes and leaving generated ones to the app", () => {
    const draft = draftFromRecord({
      owner: "akash1x",
      hostUri: "https://rig.example.com:8443",
      attributes: [
        { key: "host", value: "akash" },
        { key: "region", value: "eu-west" },
        { key: "capabilities/gpu/vendor/nvidia/model/rtx4090", value: "true" },
        { key: "datacenter", value: "garage" },
      ],
      info: { email: "me@example.com", website: "" },
    });
    expect(draft).toEqual({ ...EMPTY_DRAFT, hostUri: "https://rig.example.com:8443", region: "eu-west", email: "me@example.com", extra: [{ key: "datacenter", value: "garage" }] });
  });

  it("checks attribute keys like the chain", () => {
    expect(attributeKeyProblem("region")).toBeNull();
    expect(attributeKeyProblem("")).toBeNull();
    expect(attributeKeyProblem("1abc")).toMatch(/starts with a letter/);
    expect(attributeKeyProblem("a b")).toMatch(/starts with a letter/);
  });
});

describe("custom RPC endpoints", () => {
  it("splits lines and refuses what is not an http(s) URL", () => {
    expect(parseEndpoints("https://a.example:443\n\nhttps://b.example  https://a.example:443")).toEqual(["https://a.example:443", "https://b.example"]);
    expect(endpointsProblem("https://rpc.example.com:443")).toBeNull();
    expect(endpointsProblem("rpc.example.com")).toMatch(/is not a URL/);
    expect(endpointsProblem("ws://rpc.example.com")).toMatch(/http or https/);
    expect(endpointsProblem("https://u:p@rpc.example.com")).toMatch(/user name/);
    expect(endpointsProblem(Array.from({ length: 9 }, (_, i) => `https://r${i}.example`).join("\n"))).toMatch(/At most 8/);
    for (let seed = 1; seed <= 500; seed++) expect(() => endpointsProblem(randomText(seed, NASTY, 40))).not.toThrow();
  });
});

describe("validator commission", () => {
  it("shows the chain's decimal fraction as an exact percentage", () => {
    expect(formatCommission("0.050000000000000000")).toBe("5%");
    expect(formatCommission("0.125000000000000000")).toBe("12.5%");
    expect(formatCommission("1.000000000000000000")).toBe("100%");
    expect(formatCommission("0.1")).toBe("10%");
    expect(formatCommission("abc")).toBe("abc");
  });
});
