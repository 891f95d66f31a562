import type { GpuInterface } from "../../common/hardware-schemas";

// The name-based fallback for cards whose PCI id the table lacks (new models, OEM variants): reads
// the marketing name the driver reports and derives the Akash model name the way provider-configs
// spells them (lowercase, no spaces: "rtx4090", "rtx4070ti", "a100", "h200nvl"), plus whatever the
// name says about interface and memory ("A100-SXM4-40GB", "H100 80GB HBM3").

export interface NameHint {
  model: string;
  interfaceHint: GpuInterface | null;
  vramGiHint: number | null;
}

const NOISE = /\b(nvidia|geforce|tesla|quadro|corporation|generation|graphics|gpu)\b|\(r\)|\(tm\)|®|™/g;

export function modelFromName(rawName: string): NameHint | null {
  const name = rawName.toLowerCase().replace(/[-_/,]+/g, " ");
  const vramMatch = /\b(\d{1,3})\s*gb\b/.exec(name);
  const vramGiHint = vramMatch ? Number(vramMatch[1]) : null;
  const text = name.replace(NOISE, " ").replace(/\s+/g, " ").trim();
  const model = deriveModel(text);
  if (!model) return null;
  return { model, interfaceHint: interfaceFromName(name, model), vramGiHint: vramGiHint && vramGiHint > 0 ? vramGiHint : null };
}

function deriveModel(text: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /\brtx pro (\d{4})\b/.exec(text))) {
    const edition = /max q/.test(text) ? "mq" : /server/.test(text) ? "se" : "we";
    return `pro${m[1]}${edition}`;
  }
  if ((m = /\brtx (\d{4})(e?)\b(?: (sff))?(?: \w+)*? ada\b/.exec(text))) {
    return `rtx${m[1]}${m[3] ? "s" : m[2]}ada`;
  }
  if ((m = /\brtx a(\d{4})\b/.exec(text))) return `rtxa${m[1]}`;
  if ((m = /\b(rtx|gtx|gt) ?(\d{3,4})(?: ?(ti|super|s|d))?(?: ?(super|s))?\b/.exec(text))) {
    // "SUPER" is spelled "s" in Akash names; the China-only "D" cards are their own model.
    const suffix = `${m[3] === "ti" || m[3] === "d" ? m[3] : m[3] ? "s" : ""}${m[4] ? "s" : ""}`;
    const laptop = /\b(laptop|mobile|max q)\b/.test(text) ? "m" : "";
    return `${m[1]}${m[2]}${suffix}${laptop}`;
  }
  if ((m = /\bmx ?(\d{3})\b/.exec(text))) return `mx${m[1]}`;
  if ((m = /\b([ahlvptmkb])(\d{1,4})(s)?\b(?: (nvl))?/.exec(text))) {
    return `${m[1]}${m[2]}${m[3] ?? ""}${m[4] ?? ""}`;
  }
  return null;
}

function interfaceFromName(name: string, model: string): GpuInterface | null {
  if (/\bsxm\d?\b/.test(name)) return "sxm";
  if (/\bpcie\b|\bnvl\b/.test(name)) return "pcie";
  // H100/H200 boards named only "… HBM3" / "HBM3e" are the SXM parts; the PCIe H100 carries HBM2e.
  if (/\bhbm3e?\b/.test(name) && /^h\d/.test(model)) return "sxm";
  if (/^(rtx|gtx|gt|mx|pro)/.test(model)) return "pcie";
  return null;
}
