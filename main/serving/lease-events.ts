import { LeaseId } from "../../common/gateway-schemas";
import type { BlockEvents } from "../chain/block-stream";

// EventLeaseCreated / EventLeaseClosed for this provider, read from a block's tx and block events.
// Typed events carry each field as proto-JSON (`id` = `{"owner":…,"dseq":"12",…}`); anything that
// does not parse is skipped (logged by the caller), never thrown into the block stream.

export const LEASE_CREATED = "akash.market.v1.EventLeaseCreated";
export const LEASE_CLOSED = "akash.market.v1.EventLeaseClosed";

export interface LeaseEvent {
  kind: "created" | "closed";
  lease: LeaseId;
  height: number;
}

function unquote(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function leaseEventsFor(provider: string, block: BlockEvents): { events: LeaseEvent[]; skipped: number } {
  const events: LeaseEvent[] = [];
  let skipped = 0;
  const all = [...block.txs.filter((t) => t.code === 0).flatMap((t) => t.events), ...block.block];
  for (const event of all) {
    const kind = event.type === LEASE_CREATED ? "created" : event.type === LEASE_CLOSED ? "closed" : null;
    if (!kind) continue;
    const raw = unquote(event.attributes.find((a) => a.key === "id")?.value ?? "");
    const parsed = LeaseId.safeParse(raw && typeof raw === "object" ? { ...raw, dseq: String((raw as { dseq?: unknown }).dseq ?? "") } : raw);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    if (parsed.data.provider !== provider) continue;
    events.push({ kind, lease: parsed.data, height: block.height });
  }
  return { events, skipped };
}
