import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectedFromReport } from "../../../main/hardware/capacity";
import { freeBytesAt } from "../../../main/hardware/free-space";

describe("free space where no disk is reported", () => {
  it("asks the OS for the filesystem of the path, or of its nearest existing ancestor", () => {
    const here = freeBytesAt(tmpdir());
    expect(here).toBeGreaterThan(0);
    expect(freeBytesAt(join(tmpdir(), "not", "yet", "created"))).toBeGreaterThan(0);
  });

  it("is used only when no reported disk holds the storage path", () => {
    const report = { cpu: { threads: 8 }, memory: { totalBytes: 32 * 2 ** 30 }, gpus: [] };
    expect(detectedFromReport({ ...report, disks: [] }, "/var/lib/rancher", () => 123).storageBytes).toBe(123);
    const disk = { mount: "/", freeBytes: 500, sizeBytes: 1000 } as never;
    expect(detectedFromReport({ ...report, disks: [disk] }, "/var/lib/rancher", () => 123).storageBytes).toBe(500);
  });
});
