import { describe, expect, it } from "vitest";
import { defaultReserve, GiB } from "../../../common/desktop-reserve";
import type { CapacityInventory } from "../../../common/hardware-schemas";
import { barSegments, bytesToGiBText, giBTextToBytes, parseReserveDraft, previewReserve, toReserveDraft } from "../../../renderer/src/features/pricing/reserve-draft";

// The desktop reserve card's pure half: draft text ↔ reserve, the checks against what this PC has, and
// the live preview of detected = kept for you + held + free to sell.

/** A 2-thread, 16 GiB box with 300 GiB free, one GPU, a bid holding 0.5 thread / 1 GiB / 10 GiB / 0 GPU. */
function smallBox(): CapacityInventory {
  return {
    detected: { cpuMillis: 2000, memoryBytes: 16 * GiB, storageBytes: 300 * GiB, gpus: 1 },
    reserve: { cpuMillis: 2000, memoryBytes: 8 * GiB, storageBytes: 100 * GiB, gpus: 0 }, // the defaults
    held: { cpuMillis: 500, memoryBytes: GiB, storageBytes: 10 * GiB, gpus: 0 },
    free: { cpuMillis: 0, memoryBytes: 7 * GiB, storageBytes: 190 * GiB, gpus: 1 },
    reservations: [],
    storagePath: "/var/lib/akash",
  };
}

describe("reserve draft text", () => {
  it("turns bytes into GiB text and back, exactly for whole and three-decimal sizes", () => {
    expect(bytesToGiBText(null)).toBe("");
    expect(bytesToGiBText(16 * GiB)).toBe("16");
    expect(bytesToGiBText(7.5 * GiB)).toBe("7.5");
    expect(bytesToGiBText(0)).toBe("0");
    expect(giBTextToBytes("7.5")).toBe(7.5 * GiB);
    expect(giBTextToBytes(" 16 ")).toBe(16 * GiB);
    expect(giBTextToBytes("0.001")).toBe(Math.floor(GiB / 1000));
    for (const bad of ["", "abc", "1e3", "1.2345", "-1", "1,5", "0x10", "Infinity", "NaN", "1..2"]) expect(giBTextToBytes(bad)).toBeNull();
    expect(toReserveDraft({ cpuThreads: 3, memoryBytes: null, diskBytes: 50 * GiB })).toEqual({ cpuThreads: "3", memoryGiB: "", diskGiB: "50" });
  });

  it("empty fields mean the machine's default (null); valid numbers become the reserve", () => {
    expect(parseReserveDraft({ cpuThreads: "", memoryGiB: "", diskGiB: "" }, smallBox())).toEqual({ ok: true, reserve: { cpuThreads: null, memoryBytes: null, diskBytes: null } });
    expect(parseReserveDraft({ cpuThreads: "1", memoryGiB: "4.5", diskGiB: "0" }, smallBox())).toEqual({
      ok: true,
      reserve: { cpuThreads: 1, memoryBytes: 4.5 * GiB, diskBytes: 0 },
    });
    // Everything this PC has is allowed: "sell none of it".
    expect(parseReserveDraft({ cpuThreads: "2", memoryGiB: "16", diskGiB: "300" }, smallBox()).ok).toBe(true);
  });

  it("refuses negative, non-numeric and more-than-detected amounts, field by field, with a clear message", () => {
    const result = parseReserveDraft({ cpuThreads: "-1", memoryGiB: "lots", diskGiB: "301" }, smallBox());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.cpuThreads).toMatch(/cannot be negative/);
    expect(result.errors.memoryGiB).toMatch(/size in GiB/);
    expect(result.errors.diskGiB).toBe("Only 300 GiB is free on /var/lib/akash: you can keep at most that.");
    const more = parseReserveDraft({ cpuThreads: "3", memoryGiB: "16.5", diskGiB: "-2" }, smallBox());
    expect(more).toEqual({
      ok: false,
      errors: {
        cpuThreads: "This PC has 2 CPU threads: you can keep at most 2.",
        memoryGiB: "This PC has 16 GiB of memory: you can keep at most that.",
        diskGiB: "A reserve cannot be negative: enter 0 to keep none for yourself.",
      },
    });
    expect(parseReserveDraft({ cpuThreads: "1.5", memoryGiB: "", diskGiB: "" }, smallBox())).toMatchObject({ ok: false, errors: { cpuThreads: /whole number/ } });
  });

  it("a saved value above today's figures (the disk filled up) does not block saving another field", () => {
    const saved = toReserveDraft({ cpuThreads: null, memoryBytes: null, diskBytes: 320 * GiB });
    expect(parseReserveDraft({ ...saved, cpuThreads: "1" }, smallBox(), saved)).toEqual({ ok: true, reserve: { cpuThreads: 1, memoryBytes: null, diskBytes: 320 * GiB } });
    // Typed anew, the same amount is checked again.
    expect(parseReserveDraft({ ...saved, diskGiB: "321" }, smallBox(), saved)).toMatchObject({ ok: false, errors: { diskGiB: /Only 300 GiB is free/ } });
    expect(parseReserveDraft({ ...saved, cpuThreads: "1" }, smallBox())).toMatchObject({ ok: false });
  });

  it("never throws on garbage: every random draft is either a valid reserve within the limits or named errors", () => {
    const alphabet = "0123456789.-+ eE,xabc\u00a0٣";
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const text = () => Array.from({ length: Math.floor(rand() * 9) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    for (let i = 0; i < 3000; i++) {
      const box = smallBox();
      const result = parseReserveDraft({ cpuThreads: text(), memoryGiB: text(), diskGiB: text() }, box);
      if (result.ok) {
        const { cpuThreads, memoryBytes, diskBytes } = result.reserve;
        if (cpuThreads !== null) expect(Number.isSafeInteger(cpuThreads) && cpuThreads >= 0 && cpuThreads <= 2).toBe(true);
        if (memoryBytes !== null) expect(Number.isSafeInteger(memoryBytes) && memoryBytes >= 0 && memoryBytes <= box.detected.memoryBytes).toBe(true);
        if (diskBytes !== null) expect(Number.isSafeInteger(diskBytes) && diskBytes >= 0 && diskBytes <= box.detected.storageBytes).toBe(true);
      } else {
        expect(Object.keys(result.errors).length).toBeGreaterThan(0);
        for (const message of Object.values(result.errors)) expect(message).toMatch(/\w{3,}/);
      }
    }
  });
});

describe("previewReserve", () => {
  it("shows the saved split while the draft is invalid (null)", () => {
    const [cpu, memory, disk, gpu] = previewReserve(smallBox(), null);
    expect(cpu).toEqual({ key: "cpu", detected: 2000, reserved: 2000, held: 500, free: 0, freeNow: 0, isDefault: false });
    expect(memory).toMatchObject({ reserved: 8 * GiB, free: 7 * GiB, freeNow: 7 * GiB });
    expect(disk).toMatchObject({ reserved: 100 * GiB, free: 190 * GiB });
    expect(gpu).toEqual({ key: "gpu", detected: 1, reserved: 0, held: 0, free: 1, freeNow: 1, isDefault: false });
  });

  it("lowering the CPU reserve frees threads to sell; the held half-thread still counts", () => {
    const [cpu] = previewReserve(smallBox(), { cpuThreads: 1, memoryBytes: null, diskBytes: null });
    expect(cpu).toMatchObject({ reserved: 1000, held: 500, free: 500, freeNow: 0, isDefault: false });
    const [none, memory, disk] = previewReserve(smallBox(), { cpuThreads: 0, memoryBytes: 2 * GiB, diskBytes: 290 * GiB });
    expect(none).toMatchObject({ reserved: 0, free: 1500 });
    expect(memory).toMatchObject({ reserved: 2 * GiB, free: 13 * GiB, freeNow: 7 * GiB });
    // Reserve + held above what is free on disk: free to sell is zero, not negative.
    expect(disk).toMatchObject({ reserved: 290 * GiB, held: 10 * GiB, free: 0 });
  });

  it("an empty field previews the machine's default, from the same formula as the hardware ledger", () => {
    const box = smallBox();
    box.detected = { cpuMillis: 32_000, memoryBytes: 128 * GiB, storageBytes: 2000 * GiB, gpus: 2 };
    box.reserve = { cpuMillis: 4000, memoryBytes: 4 * GiB, storageBytes: 10 * GiB, gpus: 0 }; // explicit, saved
    const [cpu, memory, disk] = previewReserve(box, { cpuThreads: null, memoryBytes: null, diskBytes: null });
    const d = defaultReserve({ cpuThreads: 32, memoryBytes: 128 * GiB });
    expect(d).toEqual({ cpuThreads: 8, memoryBytes: 32 * GiB, diskBytes: 100 * GiB });
    expect(cpu).toMatchObject({ reserved: 8000, free: 32_000 - 8000 - 500, isDefault: true });
    expect(memory).toMatchObject({ reserved: 32 * GiB, free: 95 * GiB, isDefault: true });
    expect(disk).toMatchObject({ reserved: 100 * GiB, free: 1890 * GiB, isDefault: true });
  });
});

describe("barSegments", () => {
  it("splits the bar in thousandths that add up, and never overflows", () => {
    expect(barSegments({ detected: 2000, reserved: 1000, held: 500, free: 500 })).toEqual({ reserved: 500, held: 250, free: 250 });
    expect(barSegments({ detected: 300, reserved: 290, held: 10, free: 0 })).toEqual({ reserved: 967, held: 33, free: 0 });
    // Reserve + held above detected (a disk that filled up): scaled to their sum.
    expect(barSegments({ detected: 100, reserved: 150, held: 50, free: 0 })).toEqual({ reserved: 750, held: 250, free: 0 });
    expect(barSegments({ detected: 2, reserved: 2, held: 0, free: 0 })).toEqual({ reserved: 1000, held: 0, free: 0 });
    expect(barSegments({ detected: 0, reserved: 0, held: 0, free: 0 })).toEqual({ reserved: 0, held: 0, free: 0 });
    for (let i = 0; i < 500; i++) {
      const detected = Math.floor(Math.random() * 1e6);
      const reserved = Math.floor(Math.random() * 1e6);
      const held = Math.floor(Math.random() * 1e6);
      const s = barSegments({ detected, reserved, held, free: Math.max(0, detected - reserved - held) });
      expect(s.reserved + s.held + s.free).toBeLessThanOrEqual(1000);
      expect(Math.min(s.reserved, s.held, s.free)).toBeGreaterThanOrEqual(0);
    }
  });
});
