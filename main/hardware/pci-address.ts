// PCI addresses come as "00000000:01:00.0" (nvidia-smi), "0000:01:00.0" (sysfs) or "01:00.0"
// (lspci, systeminformation). One normal form, "0000:01:00.0", keys overrides and joins the sources.

const PCI_ADDRESS = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/;

export function normalizeBusId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = PCI_ADDRESS.exec(raw.trim().toLowerCase());
  if (!match) return null;
  const domain = (match[1] ?? "0000").slice(-4).padStart(4, "0");
  return `${domain}:${match[2]}:${match[3]}.${match[4]}`;
}

/** nvidia-smi's pci.device_id reads "0x268410DE": the device id, then the vendor id. */
export function splitPciDeviceId(raw: string | null | undefined): { vendorId: string; deviceId: string } | null {
  if (!raw) return null;
  const match = /^(?:0x)?([0-9a-f]{4})([0-9a-f]{4})$/.exec(raw.trim().toLowerCase());
  if (!match) return null;
  return { deviceId: match[1]!, vendorId: match[2]! };
}
