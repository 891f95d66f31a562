import { Group_State, QueryGroupRequest, QueryGroupResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryOrdersRequest, QueryOrdersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { abciQuery, ChainQueryError } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import { normalizeOrder } from "./normalize-order";
import { orderKey, type NormalizedOrder } from "./order-model";

// "Would I bid on dseq 123?": the open orders of one deployment (every group), read from the selected
// network. The owner is optional — a user often has only the dseq from a block explorer — so the
// chain filters by dseq (and by owner when given) and we page through its filtered answer.

const U64_MAX = (1n << 64n) - 1n;
const PAGE = 100n;
/** A deployment has at most a few dozen groups; several owners may share a dseq. Bounded anyway. */
const MAX_PAGES = 50;

export interface DeploymentRef {
  dseq: bigint;
  owner?: string;
}

export class DeploymentRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentRefError";
  }
}

const BECH32 = /^akash1[02-9ac-hj-np-z]{38,58}$/u;

/** A dseq as text → bigint in (0, 2^64); DeploymentRefError otherwise. */
export function readDseq(text: string): bigint {
  if (!/^\d{1,20}$/u.test(text)) throw new DeploymentRefError(`"${text.slice(0, 40)}" is not a dseq (a whole number).`);
  const dseq = BigInt(text);
  if (dseq === 0n || dseq > U64_MAX) throw new DeploymentRefError(`dseq ${text} is out of range (1 … ${U64_MAX}).`);
  return dseq;
}

export function readOwner(text: string): string {
  if (!BECH32.test(text)) throw new DeploymentRefError(`"${text.slice(0, 80)}" is not an Akash address (akash1…).`);
  return text;
}

/**
 * Pasted text that names a deployment rather than holding an order: "123", "dseq 123", "dseq=123",
 * "akash1…/123" or "akash1… 123". Anything else (JSON included) → null, so the JSON path keeps it.
 */
export function parseDeploymentText(text: string): DeploymentRef | null {
  if (text.length > 200) return null;
  const t = text.trim();
  const bare = /^(?:dseq\s*[:=]?\s*)?(\d+)$/iu.exec(t);
  if (bare) return { dseq: readDseq(bare[1]!) };
  const pair = /^(akash1[a-z0-9]+)\s*[/,\s]\s*(?:dseq\s*[:=]?\s*)?(\d+)$/iu.exec(t);
  if (pair) return { owner: readOwner(pair[1]!.toLowerCase()), dseq: readDseq(pair[2]!) };
  return null;
}

export interface DeploymentOrders {
  orders: NormalizedOrder[];
  /** Orders the chain returned that could not be read, with why. */
  rejected: { key: string; message: string }[];
}

/** The open orders of deployment `dseq` (of `owner` when given), all groups, in key order. */
export async function openOrdersOfDeployment(pool: RpcPool, ref: DeploymentRef): Promise<DeploymentOrders> {
  const out: DeploymentOrders = { orders: [], rejected: [] };
  let key: Uint8Array = new Uint8Array();
  for (let i = 0; i < MAX_PAGES; i++) {
    const filters = { owner: ref.owner ?? "", dseq: ref.dseq, gseq: 0, oseq: 0, provider: "", state: "open" };
    const response = await abciQuery(pool, "/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, { filters, pagination: { key, limit: PAGE, offset: 0n, countTotal: false, reverse: false } } as never, QueryOrdersResponse);
    for (const raw of response.orders) {
      // Belt and braces: a node that ignores a filter must not make us screen someone else's order.
      const id = raw.id;
      if (!id || id.dseq.toString() !== ref.dseq.toString() || (ref.owner && id.owner !== ref.owner)) continue;
      try {
        out.orders.push(normalizeOrder(raw));
      } catch (error) {
        out.rejected.push({ key: orderKey(id.owner, BigInt(id.dseq.toString()), id.gseq, id.oseq), message: (error as Error).message });
      }
    }
    const next = response.pagination?.nextKey;
    if (!next || next.length === 0) break;
    key = next;
  }
  out.orders.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}

const GROUP_STATES: Partial<Record<Group_State, string>> = {
  [Group_State.open]: "open",
  [Group_State.paused]: "paused",
  [Group_State.insufficient_funds]: "insufficient_funds",
  [Group_State.closed]: "closed",
};

/**
 * The state of each order's group ("open", "paused", "insufficient_funds", "closed", or "not found"),
 * by order key: the chain refuses a bid unless the group is open, and stale open orders of closed
 * groups exist (PROTOCOL §3). One Group query per distinct group.
 */
export async function groupStatesOf(pool: RpcPool, orders: readonly NormalizedOrder[]): Promise<Map<string, string>> {
  const byGroup = new Map<string, Promise<string>>();
  const read = async (o: NormalizedOrder): Promise<string> => {
    try {
      const { group } = await abciQuery(pool, "/akash.deployment.v1beta4.Query/Group", QueryGroupRequest, { id: { owner: o.owner, dseq: o.dseq, gseq: o.gseq } } as never, QueryGroupResponse);
      return group ? (GROUP_STATES[group.state] ?? `in unknown state ${group.state}`) : "not found";
    } catch (error) {
      if (error instanceof ChainQueryError && error.notFound) return "not found";
      throw error;
    }
  };
  for (const o of orders) {
    const g = `${o.owner}/${o.dseq}/${o.gseq}`;
    if (!byGroup.has(g)) byGroup.set(g, read(o));
  }
  // All at once, and every promise handled (a second failure must not become an unhandled rejection).
  const keys = [...byGroup.keys()];
  const states = await Promise.all(byGroup.values());
  const byKey = new Map(keys.map((g, i) => [g, states[i]!]));
  return new Map(orders.map((o) => [o.key, byKey.get(`${o.owner}/${o.dseq}/${o.gseq}`)!]));
}
