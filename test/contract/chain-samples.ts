import { startDevnet, type Devnet } from "../../main/devnet";
import type { App } from "../../main/app";

// Chain-backed contract samples: one devnet per test file (blocks every 100 ms), and for each fresh
// app its own new wallet, funded by the devnet faucet through the contract itself.

let devnet: Devnet | null = null;
let starting: Promise<Devnet> | null = null;

export function sampleDevnet(): Promise<Devnet> {
  starting ??= startDevnet({ blockTimeMs: 100 }).then((d) => (devnet = d));
  return starting;
}

export async function stopSampleDevnet(): Promise<void> {
  await devnet?.stop();
  devnet = null;
  starting = null;
}

async function call<T = unknown>(app: App, method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Points the app at the devnet, creates and confirms a new wallet, funds it from the faucet. */
export async function fundedWallet(app: App): Promise<{ devnet: Devnet; address: string }> {
  const d = await sampleDevnet();
  await call(app, "chain.setEndpoints", { network: "local", endpoints: [d.rpcUrl] });
  const created = await call<{ words: string[]; confirmPositions: number[] }>(app, "wallet.create");
  const status = await call<{ address: string }>(app, "wallet.confirmBackup", {
    answers: created.confirmPositions.map((position) => ({ position, word: created.words[position - 1]! })),
    passphrase: "contract passphrase",
  });
  await call(app, "chain.faucet");
  return { devnet: d, address: status.address };
}

export const SAMPLE_HOST = "https://rig.example.com:8443";
