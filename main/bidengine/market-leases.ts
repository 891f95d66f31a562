import { QueryGroupRequest, QueryGroupResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { abciQuery, ChainQueryError } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import { readUint } from "./normalize-order";

// The chain reads behind the market reference: one page of the chain's active leases (every
// provider's), and one group's GroupSpec. Lease entries are checked here, so the caller gets either a
// usable lease or a reason; a page the node cannot answer or decode throws (the caller keeps its last
// snapshot).

export interface ActiveLease {
  /** "owner/dseq/gseq": leases of one group share its GroupSpec. */
  group: string;
  owner: string;
  dseq: bigint;
  gseq: number;
  /** The lease's price per block as the chain sent it (checked by `priceSample`). */
  price: unknown;
}

export interface LeasesPage {
  leases: ActiveLease[];
  /** Entries that are not a usable lease, with why. */
  rejected: string[];
  nextKey: Uint8Array | null;
}

const U64 = (1n << 64n) - 1n;

function readLease(entry: unknown): ActiveLease | string {
  const lease = typeof entry === "object" && entry !== null ? (entry as { lease?: unknown }).lease : undefined;
  if (typeof lease !== "object" || lease === null) return "an entry without a lease";
  const id = (lease as { id?: unknown }).id as { owner?: unknown; dseq?: unknown; gseq?: unknown } | undefined;
  if (typeof id !== "object" || id === null) return "a lease without an id";
  if (typeof id.owner !== "string" || id.owner.length === 0 || id.owner.length > 128) return "a lease without an owner";
  if (typeof id.gseq !== "number" || !Number.isInteger(id.gseq) || id.gseq < 0 || id.gseq > 0xffff_ffff) return `lease of ${id.owner}: bad gseq`;
  let dseq: bigint;
  try {
    dseq = readUint(id.dseq, "dseq", U64);
  } catch (error) {
    return `lease of ${id.owner}: ${(error as Error).message}`;
  }
  return { group: `${id.owner}/${dseq}/${id.gseq}`, owner: id.owner, dseq, gseq: id.gseq, price: (lease as { price?: unknown }).price };
}

/** One page of active leases (all providers), `limit` per page. */
export async function activeLeasesPage(pool: RpcPool, key: Uint8Array | null, limit: number): Promise<LeasesPage> {
  const pagination = { key: key ?? new Uint8Array(), limit: BigInt(limit), offset: 0n, countTotal: false, reverse: false };
  const response = await abciQuery(pool, "/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, { filters: { state: "active" }, pagination } as never, QueryLeasesResponse);
  const page: LeasesPage = { leases: [], rejected: [], nextKey: null };
  for (const entry of Array.isArray(response.leases) ? response.leases : []) {
    const read = readLease(entry);
    if (typeof read === "string") page.rejected.push(read);
    else page.leases.push(read);
  }
  const next = response.pagination?.nextKey;
  page.nextKey = next instanceof Uint8Array && next.length > 0 ? next : null;
  return page;
}

/** A group's GroupSpec (unchecked: `gpuProfileOf` reads it); null when the chain has no such group. */
export async function groupSpecOf(pool: RpcPool, lease: Pick<ActiveLease, "owner" | "dseq" | "gseq">): Promise<unknown> {
  try {
    const { group } = await abciQuery(pool, "/akash.deployment.v1beta4.Query/Group", QueryGroupRequest, { id: { owner: lease.owner, dseq: lease.dseq, gseq: lease.gseq } } as never, QueryGroupResponse);
    return group?.groupSpec ?? null;
  } catch (error) {
    if (error instanceof ChainQueryError && error.notFound) return null;
    throw error;
  }
}
