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
}
