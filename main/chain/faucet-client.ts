import { ContractFailure } from "../../common/envelope";

/** Asks the local devnet's faucet (POST {rpc}/faucet) for AKT: the wizard's funding button. */
export async function requestDevnetFaucet(rpcUrl: string, address: string, fetchFn: typeof fetch = fetch): Promise<{ amount: string; denom: string }> {
  let response: Response;
  try {
    response = await fetchFn(`${rpcUrl.replace(/\/+$/u, "")}/faucet`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ address }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ContractFailure("UNAVAILABLE", `The devnet faucet did not answer (${(error as Error).message}). Is the local devnet running?`);
  }
  const body = (await response.json().catch(() => null)) as { ok?: boolean; value?: { amount?: string; denom?: string }; error?: { message?: string } } | null;
  if (!response.ok || !body || body.ok === false) {
    throw new ContractFailure("UNAVAILABLE", `The devnet faucet refused: ${body?.error?.message ?? `HTTP ${response.status}`}`);
  }
  return { amount: String(body.value?.amount ?? ""), denom: String(body.value?.denom ?? "uakt") };
}
