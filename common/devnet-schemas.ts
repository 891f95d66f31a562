import { z } from "zod";

export const DevnetStatus = z.object({
  /** Whether the app runs the local devnet now (only while the selected network is `local`). */
  running: z.boolean(),
  /**
   * Whether the app runs a devnet of its own for the local network. False when it was started with
   * `--no-devnet`: the local network is then an external devnet (`npm run devnet`, a test's), reached
   * through the local RPC endpoints like any other chain.
   */
  managed: z.boolean(),
  rpcUrl: z.string().nullable(),
  chainId: z.string().nullable(),
  height: z.number().int().nonnegative(),
  syntheticTenants: z.boolean(),
  /** Why it is not running, when it should be. */
  error: z.string().nullable(),
});
export type DevnetStatus = z.infer<typeof DevnetStatus>;
