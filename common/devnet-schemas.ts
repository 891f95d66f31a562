import { z } from "zod";

export const DevnetStatus = z.object({
  /** Whether the app runs the local devnet now (only while the selected network is `local`). */
  running: z.boolean(),
  rpcUrl: z.string().nullable(),
  chainId: z.string().nullable(),
  height: z.number().int().nonnegative(),
  syntheticTenants: z.boolean(),
  /** Why it is not running, when it should be. */
  error: z.string().nullable(),
});
export type DevnetStatus = z.infer<typeof DevnetStatus>;
