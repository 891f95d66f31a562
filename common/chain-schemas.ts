import { z } from "zod";
import { NetworkId } from "./schemas";

// Chain client payloads shown in the UI: the RPC pool's health and the transaction log.

export const RpcEndpointHealth = z.object({
  url: z.string(),
  status: z.enum(["unknown", "healthy", "degraded", "down"]),
  /** Smoothed round-trip time of recent calls, null before the first success. */
  latencyMs: z.number().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastCheckedAt: z.string().datetime().nullable(),
  /** While backing off after failures: when it will be tried again. */
  retryAt: z.string().datetime().nullable(),
});
export type RpcEndpointHealth = z.infer<typeof RpcEndpointHealth>;

export const RpcPoolSnapshot = z.object({
  network: NetworkId,
  chainId: z.string(),
  /** The endpoint calls go to now (best ranked), or null when none is usable. */
  active: z.string().nullable(),
  endpoints: z.array(RpcEndpointHealth),
});
export type RpcPoolSnapshot = z.infer<typeof RpcPoolSnapshot>;

export const RpcStatusRequest = z.object({ refresh: z.boolean().optional() }).strict().optional();

const IntString = z.string().regex(/^\d+$/u, "an integer in base units");

/** One transaction the app sent, as recorded before broadcast and updated until it settles. */
export const ChainTx = z.object({
  id: z.number().int(),
  network: NetworkId,
  signer: z.string(),
  /** What it was for, e.g. "provider.create", "cert.publish", "treasury.burnAct". */
  kind: z.string(),
  /** Upper-case hex SHA-256 of the signed bytes: the one ID used to look it up. */
  hash: z.string().regex(/^[0-9A-F]{64}$/u),
  status: z.enum(["pending", "broadcast", "confirmed", "failed", "unknown"]),
  height: z.number().int().nullable(),
  gasWanted: IntString.nullable(),
  gasUsed: IntString.nullable(),
  fee: z.object({ amount: IntString, denom: z.string() }),
  code: z.number().int().nullable(),
  log: z.string().nullable(),
  memo: z.string(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type ChainTx = z.infer<typeof ChainTx>;

export const ChainTransactionsRequest = z.object({ limit: z.number().int().min(1).max(500).optional() }).strict().optional();
export const ChainTransactions = z.array(ChainTx);

export const ChainSetEndpoints = z.object({ network: NetworkId, endpoints: z.array(z.string().max(300)).max(8) }).strict();
export const FaucetGrant = z.object({ address: z.string(), amount: z.string(), denom: z.string() });
