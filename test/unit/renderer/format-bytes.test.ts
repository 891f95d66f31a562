import { describe, expect, it } from "vitest";
import { formatBytes, formatBytesOf } from "../../../renderer/src/format/bytes";

describe("formatBytes", () => {
  it("uses binary units by default, the way memory and VRAM are sold", () => {
    expect(formatBytes(24 * 2 ** 30)).toBe("24 GiB");
    expect(formatBytes(64 * 2 ** 30)).toBe("64 GiB");
    expect(formatBytes(1536 * 2 ** 20)).toBe("1.5 GiB");
    expect(formatBytes(2 ** 40)).toBe("1 TiB");
  });

  it("uses decimal units for disks", () => {
    expect(formatBytes(2e12, "decimal")).toBe("2 TB");
    expect(formatBytes(512_110_190_592, "decimal")).toBe("512 GB");
    expect(formatBytes(1_500_000, "decimal")).toBe("1.5 MB");
  });

  it("keeps small counts exact and drops a trailing .0", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1)).toBe("1 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1 KiB");
    expect(formatBytes(10 * 1024)).toBe("10 KiB");
  });

  it("carries into the next unit when rounding reaches it", () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MiB");
    expect(formatBytes(999_999, "decimal")).toBe("1 MB");
  });

  it("stops at the largest unit", () => {
    expect(formatBytes(2 ** 60)).toBe("1024 PiB");
  });

  it("says unknown for values no machine reports", () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) expect(formatBytes(bad)).toBe("unknown");
  });

  it("never throws and always ends in a unit, whatever the number", () => {
    for (let i = 0; i < 2000; i++) {
      const value = Math.random() < 0.5 ? Math.random() * 2 ** (Math.random() * 64) : (Math.random() - 0.5) * 1e20;
      const text = formatBytes(value, Math.random() < 0.5 ? "binary" : "decimal");
      expect(text).toMatch(/^(unknown|\d+(\.\d)? (B|KiB|MiB|GiB|TiB|PiB|kB|MB|GB|TB|PB))$/);
    }
  });

  it("formats a part of a whole in one system", () => {
    expect(formatBytesOf(12 * 2 ** 30, 64 * 2 ** 30)).toBe("12 GiB of 64 GiB");
  });
});
