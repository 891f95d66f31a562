import { z } from "zod";

// Contract shapes for serving tenants: the gateway's state and what taking the GPU back would cost.
// Amounts are integer strings in base units (uact/uakt); never floats.

const Int = z.string().regex(/^\d{1,40}$/u);

export const GatewayStatus = z.object({
  /** stopped: not wanted (no wallet/cert yet, or closed); listening: serving tenants; failed: could not start. */
  state: z.enum(["stopped", "listening", "failed"]),
  message: z.string(),
  /** host:port the gateway listens on, when listening. */
  address: z.string().nullable(),
  certSerial: z.string().nullable(),
  provider: z.string().nullable(),
  /** Whether manifests can be deployed now (k3s healthy), and why not when not. */
  cluster: z.object({ ready: z.boolean(), message: z.string() }),
  manifestsReceived: z.number().int().nonnegative(),
  /** Leases whose workloads this provider runs now. */
  leasesServed: z.number().int().nonnegative(),
  /** Leases won and still waiting for their manifest (closed after the manifest timeout). */
  awaitingManifest: z.number().int().nonnegative(),
});
export type GatewayStatus = z.infer<typeof GatewayStatus>;

export const AffectedLease = z.object({
  owner: z.string(),
  dseq: z.string(),
  gseq: z.number().int(),
  oseq: z.number().int(),
  gpus: z.number().int().nonnegative(),
  denom: z.string(),
  /** Accrued and not yet withdrawn: closing pays it out, it is not lost. */
  accrued: Int,
  /** What stops coming in per hour once it is closed (price per block × blocks per hour, rounded down). */
  lostPerHour: Int,
});

export const GpuReclaimImpact = z.object({
  blocksPerHour: z.number().int().positive(),
  leases: z.array(AffectedLease),
  /** Sum of lostPerHour per denom. */
  lostPerHour: z.array(z.object({ denom: z.string(), amount: Int })),
});
export type GpuReclaimImpact = z.infer<typeof GpuReclaimImpact>;
