import type { DiskReport, StorageClass } from "../../common/hardware-schemas";
import type { HardwareInfoSource } from "./hardware-source";

// Local filesystems with their free space and the kind of disk under them, mapped to the Akash
// storage classes the provider can advertise: HDD → beta1, SSD → beta2, NVMe → beta3.

type DiskType = DiskReport["type"];

export const STORAGE_CLASS: Record<Exclude<DiskType, "unknown">, StorageClass> = { hdd: "beta1", ssd: "beta2", nvme: "beta3" };

/** Below this much free space a disk cannot hold container images plus lease volumes. */
export const MIN_FREE_BYTES = 50 * 2 ** 30;

const PSEUDO_FS = /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|cgroup2?|nsfs|ramfs|autofs|fuse\..*|efivarfs|vfat|iso9660|nfs4?|cifs|smb.*)$/i;

type Fs = Awaited<ReturnType<HardwareInfoSource["fsSize"]>>[number];
type Block = Awaited<ReturnType<HardwareInfoSource["blockDevices"]>>[number];
type Layout = Awaited<ReturnType<HardwareInfoSource["diskLayout"]>>[number];

export function diskReports(filesystems: readonly Fs[], blocks: readonly Block[], layout: readonly Layout[]): DiskReport[] {
  const seen = new Set<string>();
  const out: DiskReport[] = [];
  for (const fs of filesystems) {
    if (!fs || typeof fs.fs !== "string" || typeof fs.mount !== "string") continue;
    if (PSEUDO_FS.test(fs.type ?? "") || !(fs.size > 0) || /^\/dev\/loop/.test(fs.fs) || /^\/(snap|boot)\b/.test(fs.mount)) continue;
    if (seen.has(fs.fs)) continue;
    seen.add(fs.fs);
    const type = diskType(fs.fs, blocks, layout);
    const storageClass = type === "unknown" ? null : STORAGE_CLASS[type];
    const freeBytes = Math.max(0, fs.available || 0);
    out.push({ mount: fs.mount, device: fs.fs, type, storageClass, sizeBytes: fs.size, freeBytes, check: diskCheck(type, freeBytes) });
  }
  return out;
}

function diskType(device: string, blocks: readonly Block[], layout: readonly Layout[]): DiskType {
  const name = device.replace(/^\/dev\//, "");
  const own = blocks.find((b) => b.name === name || b.name === device);
  const fromOwn = own ? typeOf(own.physical, own.name) : "unknown";
  if (fromOwn !== "unknown") return fromOwn;
  // A partition: the whole disk is the longest block device name that prefixes it (nvme0n1 of nvme0n1p2).
  const parent = blocks.filter((b) => b.type === "disk" && name.startsWith(b.name) && b.name.length < name.length).sort((a, b) => b.name.length - a.name.length)[0];
  if (parent) {
    const fromParent = typeOf(parent.physical, parent.name);
    if (fromParent !== "unknown") return fromParent;
  }
  // LVM, Windows drive letters: fall back to the physical disks when they are all of one kind.
  const kinds = new Set(layout.map((d) => typeOf(d.interfaceType === "NVMe" ? "NVMe" : d.type, d.name)));
  return kinds.size === 1 ? [...kinds][0]! : "unknown";
}

function typeOf(physical: string | undefined, name: string): DiskType {
  if (/^nvme/i.test(name) || /nvme/i.test(physical ?? "")) return "nvme";
  if (/^ssd$/i.test(physical ?? "")) return "ssd";
  if (/^hdd$/i.test(physical ?? "")) return "hdd";
  return "unknown";
}

function diskCheck(type: DiskType, freeBytes: number): DiskReport["check"] {
  const gib = Math.floor(freeBytes / 2 ** 30);
  if (freeBytes < MIN_FREE_BYTES) {
    return { verdict: "needs_action", message: `Only ${gib} GiB free.`, action: `Free up space: at least ${MIN_FREE_BYTES / 2 ** 30} GiB is needed for container images and lease storage.` };
  }
  if (type === "unknown") {
    return { verdict: "needs_action", message: `${gib} GiB free; the disk type (NVMe, SSD or HDD) could not be read.`, action: "It will be offered as the slowest class (beta1) unless you know better." };
  }
  const klass = STORAGE_CLASS[type];
  return { verdict: "ready", message: `${gib} GiB free on ${type.toUpperCase()}: offered as storage class ${klass}.`, action: null };
}
