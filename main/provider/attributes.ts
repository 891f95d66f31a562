import { ContractFailure } from "../../common/envelope";

// The provider's on-chain attributes, built from the detected hardware and the user's answers, and
// validated like the chain validates them (key regex, no repeated key). PROTOCOL.md §2.7.

export interface Attribute {
  key: string;
  value: string;
}

/** What attribute building needs from the hardware report (main/hardware supplies the real one). */
export interface GpuForAttributes {
  /** Akash model name from gpus.json, lowercase, e.g. "rtx4090". */
  model: string;
  /** Akash size, e.g. "24Gi"; null when unknown. */
  vram: string | null;
  interface: "pcie" | "sxm" | null;
  /** The SDL only accepts nvidia today; defaults to nvidia. */
  vendor?: string;
}

export interface StorageCapability {
  class: "beta1" | "beta2" | "beta3" | "ram";
  persistent: boolean;
}

export interface AttributeInput {
  gpus: readonly GpuForAttributes[];
  storage: readonly StorageCapability[];
  region?: string;
  country?: string;
  city?: string;
  organization?: string;
  email?: string;
  tier?: string;
  /** Anything the user added or edited by hand in the review step; wins over generated values. */
  extra?: readonly Attribute[];
}

/** The chain's AttributeNameRegexpString. */
export const ATTRIBUTE_KEY = /^([a-zA-Z][\w/.-]{1,126})$/u;
const MODEL = /^[a-z0-9][a-z0-9._-]{0,62}$/u;
const VRAM = /^[1-9]\d{0,4}Gi$/u;

export function buildAttributes(input: AttributeInput): Attribute[] {
  const out = new Map<string, string>();
  const put = (key: string, value: string) => out.set(key, value);
  put("host", "akash");
  put("tier", input.tier?.trim() || "community");
  for (const [key, value] of [
    ["region", input.region],
    ["country", input.country],
    ["city", input.city],
    ["organization", input.organization],
    ["email", input.email],
  ] as const) {
    if (value !== undefined && value.trim() !== "") put(key, value.trim());
  }

  const vendors = new Set<string>();
  for (const gpu of input.gpus) {
    const vendor = (gpu.vendor ?? "nvidia").toLowerCase();
    const model = gpu.model.toLowerCase();
    if (!MODEL.test(model)) throw invalid(`GPU model "${gpu.model}" is not an Akash model name (lowercase, like rtx4090).`);
    if (gpu.vram !== null && !VRAM.test(gpu.vram)) throw invalid(`GPU memory "${gpu.vram}" must look like 24Gi.`);
    vendors.add(vendor);
    const base = `capabilities/gpu/vendor/${vendor}/model/${model}`;
    put(base, "true");
    if (gpu.vram) put(`${base}/ram/${gpu.vram}`, "true");
    if (gpu.interface) put(`${base}/interface/${gpu.interface}`, "true");
    // Both orders: the SDL emits …/ram/X/interface/Y, provider docs list …/interface/Y/ram/X.
    if (gpu.vram && gpu.interface) {
      put(`${base}/ram/${gpu.vram}/interface/${gpu.interface}`, "true");
      put(`${base}/interface/${gpu.interface}/ram/${gpu.vram}`, "true");
    }
  }
  if (vendors.size > 0) put("capabilities/gpu", [...vendors].sort().join(","));

  const storage = dedupeStorage(input.storage);
  storage.forEach((s, i) => {
    put(`capabilities/storage/${i + 1}/class`, s.class);
    put(`capabilities/storage/${i + 1}/persistent`, String(s.persistent));
  });
  if (storage.some((s) => s.persistent)) put("feat-persistent-storage", "true");

  for (const attr of input.extra ?? []) put(attr.key.trim(), attr.value.trim());
  const list = [...out].map(([key, value]) => ({ key, value }));
  validateAttributes(list);
  return list;
}

/** The chain's check, plus sane values; throws INVALID_INPUT naming the first bad entry. */
export function validateAttributes(list: readonly Attribute[]): void {
  const seen = new Set<string>();
  for (const { key, value } of list) {
    if (!ATTRIBUTE_KEY.test(key)) {
      throw invalid(`Attribute key "${key.slice(0, 140)}" is not allowed: start with a letter, then 1-126 letters, digits, _ / . or -.`);
    }
    if (seen.has(key)) throw invalid(`Attribute key "${key}" appears twice; each key may appear once.`);
    seen.add(key);
    if (value.length === 0 || value.length > 256 || /\p{Cc}/u.test(value)) {
      throw invalid(`Attribute "${key}" needs a value of 1-256 printable characters.`);
    }
  }
  if (!list.some((a) => a.key === "host" && a.value === "akash")) throw invalid('Attribute host=akash is required: tenants\' orders look for it.');
}

function dedupeStorage(list: readonly StorageCapability[]): StorageCapability[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const id = `${s.class}/${s.persistent}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function invalid(message: string): ContractFailure {
  return new ContractFailure("INVALID_INPUT", message);
}
