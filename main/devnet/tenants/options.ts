/** Synthetic demand: how often tenants deploy and how they behave. All times are in blocks. */
export interface TenantOptions {
  /** Number of tenant wallets (each deploys one at a time). Default 4. */
  count?: number;
  /** Mean blocks between a tenant's deployments. Default 20. */
  meanBlocksBetweenDeployments?: number;
  /** Blocks a tenant waits for bids before leasing the cheapest. Default 5. */
  bidWindowBlocks?: number;
  /** Mean lease duration in blocks. Default 120. */
  meanLeaseBlocks?: number;
  /** Probability that a tenant tops up rather than letting a deployment run dry. Default 0.5. */
  topUpProbability?: number;
  /**
   * Which entries of the demand mix tenants draw (names from `DEMAND_MIX`, e.g. "simple",
   * "pricing", "gpu-rtx4090"), keeping their relative weights. Default: the whole mix. A test whose
   * provider has no GPU narrows it to the CPU-only vectors it can serve.
   */
  kinds?: readonly string[];
  /** Share of deployments that keep the vector's auditor requirement (signed_by). Default 0.1. */
  auditedShare?: number;
}
