import { describe, expect, it } from "vitest";
import { ScreenInput } from "../../../common/bidengine-schemas";
import { DeploymentRefError, parseDeploymentText, readDseq } from "../../../main/bidengine/deployment-orders";

const OWNER = "akash1qyqszqgpqyqszqgpqyqszqgpqyqszqgplgve5x";

describe("a dseq in the paste box", () => {
  it("reads a bare dseq, 'dseq 123', and owner/dseq; leaves JSON and other text to the order path", () => {
    expect(parseDeploymentText("21183741")).toEqual({ dseq: 21183741n });
    expect(parseDeploymentText("  dseq: 77 \n")).toEqual({ dseq: 77n });
    expect(parseDeploymentText("DSEQ=5")).toEqual({ dseq: 5n });
    expect(parseDeploymentText(`${OWNER}/900`)).toEqual({ owner: OWNER, dseq: 900n });
    expect(parseDeploymentText(`${OWNER} dseq 900`)).toEqual({ owner: OWNER, dseq: 900n });
    expect(parseDeploymentText('{"orders":[]}')).toBeNull();
    expect(parseDeploymentText("[1,")).toBeNull();
    expect(parseDeploymentText("12.5")).toBeNull();
    expect(parseDeploymentText("-3")).toBeNull();
    expect(parseDeploymentText(`${"9".repeat(300)}`)).toBeNull(); // too long to be a dseq: JSON path
  });

  it("refuses a zero or over-u64 dseq and a malformed owner with a clear error", () => {
    expect(() => parseDeploymentText("0")).toThrow(/out of range/);
    expect(() => readDseq("18446744073709551616")).toThrow(DeploymentRefError);
    expect(readDseq("18446744073709551615")).toBe(18446744073709551615n);
    expect(() => readDseq("12a")).toThrow(/not a dseq/);
    expect(() => parseDeploymentText("akash1xyz/12")).toThrow(/not an Akash address/);
  });

  it("never crashes on random text: a reference, null, or a DeploymentRefError", () => {
    const alphabet = "0123456789 /:=akshdeqAKSH1{}[]\",.-\n\t\u0000é";
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(rand() * 60);
      let text = "";
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      try {
        const ref = parseDeploymentText(text);
        if (ref) expect(ref.dseq > 0n && ref.dseq < 1n << 64n).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(DeploymentRefError);
      }
    }
  });

  it("the contract input takes { dseq, owner? } beside { order } and refuses mixtures", () => {
    expect(ScreenInput.safeParse({ dseq: "123" }).success).toBe(true);
    expect(ScreenInput.safeParse({ dseq: "123", owner: OWNER }).success).toBe(true);
    expect(ScreenInput.safeParse({ order: "123" }).success).toBe(true);
    expect(ScreenInput.safeParse({ dseq: "0" }).success).toBe(false);
    expect(ScreenInput.safeParse({ dseq: 123 }).success).toBe(false);
    expect(ScreenInput.safeParse({ dseq: "123", owner: "bob" }).success).toBe(false);
    expect(ScreenInput.safeParse({ dseq: "123", order: "{}" }).success).toBe(false);
  });
});
