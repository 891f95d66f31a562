import { EnglishMnemonic } from "@cosmjs/crypto";
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { generateMnemonic, parseMnemonic, pickConfirmPositions } from "../../../main/wallet";
import { rng } from "./fakes";

const ABANDON = `${"abandon ".repeat(11)}about`;
// The widely published cosmos address of the BIP-39 test mnemonic at m/44'/118'/0'/0/0.
const ABANDON_COSMOS = "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4";

function failure(fn: () => unknown): ContractFailure {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractFailure);
    return error as ContractFailure;
  }
  throw new Error("expected a ContractFailure");
}

describe("mnemonic", () => {
  it("generates 24 valid words from 32 bytes of entropy", () => {
    const phrase = generateMnemonic();
    expect(phrase.split(" ")).toHaveLength(24);
    expect(parseMnemonic(phrase)).toBe(phrase);
    expect(generateMnemonic()).not.toBe(phrase);
  });

  it("derives the same key as every Cosmos wallet at m/44'/118'/0'/0/0, with the akash prefix", async () => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(parseMnemonic(ABANDON), { prefix: "akash" });
    const [account] = await wallet.getAccounts();
    expect(account?.address).toBe(toBech32("akash", fromBech32(ABANDON_COSMOS, 90).data));
    expect(account?.address.startsWith("akash1")).toBe(true);
  });

  it("accepts what people paste: capitals, line breaks, commas and numbering", () => {
    const messy = ABANDON.split(" ")
      .map((w, i) => `${i + 1}. ${i % 2 ? w.toUpperCase() : w}`)
      .join(",\n");
    expect(parseMnemonic(`  ${messy}\n`)).toBe(ABANDON);
  });

  it("names the problem without echoing the words", () => {
    expect(failure(() => parseMnemonic("")).message).toMatch(/Enter your recovery phrase/);
    expect(failure(() => parseMnemonic("abandon abandon")).message).toMatch(/this one has 2/);
    const typo = ABANDON.replace(/about$/u, "abuot");
    const unknown = failure(() => parseMnemonic(typo));
    expect(unknown.code).toBe("INVALID_INPUT");
    expect(unknown.message).toMatch(/Word 12 is not in the BIP-39 English word list/);
    expect(unknown.message).not.toContain("abuot");
    const checksum = failure(() => parseMnemonic(`${"abandon ".repeat(11)}abandon`));
    expect(checksum.message).toMatch(/checksum/);
    expect(failure(() => parseMnemonic(42)).message).toMatch(/must be text/);
    expect(failure(() => parseMnemonic("word ".repeat(500))).message).toMatch(/too long/);
  });

  it("fuzz: random text and mutated phrases give a valid phrase or INVALID_INPUT, never a crash", () => {
    const next = rng(4242);
    const list = EnglishMnemonic.wordlist;
    const base = generateMnemonic().split(" ");
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      let input: string;
      if (i % 2 === 0) {
        const len = Math.floor(next() * 300);
        input = Array.from({ length: len }, () => String.fromCharCode(Math.floor(next() * 0x2fff))).join("");
      } else {
        const words = [...base];
        words[Math.floor(next() * 24)] = list[Math.floor(next() * list.length)]!;
        if (next() < 0.3) words.splice(Math.floor(next() * 24), 1);
        input = words.join(" ");
      }
      try {
        const phrase = parseMnemonic(input);
        expect(() => new EnglishMnemonic(phrase)).not.toThrow();
        accepted++;
      } catch (error) {
        expect(error).toBeInstanceOf(ContractFailure);
        expect((error as ContractFailure).code).toBe("INVALID_INPUT");
      }
    }
    // A swapped word passes the 8-bit checksum about 1 time in 256: most mutations must be refused.
    expect(accepted).toBeLessThan(20);
  });

  it("picks distinct sorted quiz positions within the phrase", () => {
    const next = rng(7);
    for (let i = 0; i < 50; i++) {
      const positions = pickConfirmPositions(24, 3, (max) => Math.floor(next() * max));
      expect(new Set(positions).size).toBe(3);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const p of positions) {
        expect(p).toBeGreaterThanOrEqual(1);
        expect(p).toBeLessThanOrEqual(24);
      }
    }
    expect(() => pickConfirmPositions(2, 3)).toThrow();
  });
});
