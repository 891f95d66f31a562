import type { ProviderApi } from "../../../../common/api";
import type { NetworkId } from "../../../../common/schemas";
import type { WalletStatus } from "../../../../common/wallet-schemas";
import { UNKNOWN_FACTS, type WizardFacts } from "./wizard-steps";

// Asks the app everything the wizard's progress depends on, in parallel. A failed call leaves its
// fact unknown (null) and its message in `errors`: one unreachable service never blanks the wizard.

/** provider.plan needs a host URI to diff against; the existing record (`current`) does not depend on it. */
export const PLACEHOLDER_HOST_URI = "https://provider.example.com:8443";

export interface LoadedFacts {
  facts: WizardFacts;
  network: NetworkId | null;
  wallet: WalletStatus | null;
  errors: string[];
}

export async function loadFacts(api: ProviderApi): Promise<LoadedFacts> {
  const errors: string[] = [];
  let locked = false;
  const take = <T>(envelope: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T | null => {
    if (envelope.ok) return envelope.value;
    // A locked wallet refuses what needs its keystore (the certificate's key): the unlock prompt says so already.
    if (!(locked && envelope.error.code === "UNAUTHORIZED")) errors.push(envelope.error.message);
    return null;
  };
  const [report, rpc, settings, wallet, cluster, bidengine] = await Promise.all([
    api["hardware.report"]().then(take),
    api["chain.rpcStatus"]().then(take),
    api["settings.get"]().then(take),
    api["wallet.status"]().then(take),
    api["cluster.status"]().then(take),
    api["bidengine.settings"]().then(take),
  ]);
  const devnet = settings?.network === "local" ? await api["devnet.status"]().then(take) : null;
  const facts: WizardFacts = { ...UNKNOWN_FACTS };
  facts.hardwareUsable = report ? report.overall !== "unsupported" : null;
  // On the local network the app's own devnet must run; an external one (managed: false) only has to answer.
  facts.chainReachable = rpc ? rpc.active !== null && (settings?.network !== "local" || devnet?.running === true || devnet?.managed === false) : null;
  facts.wallet = wallet?.state ?? null;
  locked = wallet?.state === "locked";
  facts.clusterInstalled = cluster ? cluster.installed : null;
  facts.bidding = bidengine ? !bidengine.paused : null;
  // The chain-side facts need a wallet address (a locked wallet still has one).
  if (wallet?.address && facts.chainReachable) {
    const [balances, plan, cert] = await Promise.all([
      api["treasury.balances"]().then(take),
      api["provider.plan"]({ hostUri: PLACEHOLDER_HOST_URI }).then(take),
      api["cert.status"]().then(take),
    ]);
    facts.funded = balances ? balances.reserve.status === "ok" : null;
    facts.providerOnChain = plan ? plan.current !== null : null;
    facts.certificateValid = cert ? cert.current?.onChain === "valid" : null;
  }
  return { facts, network: settings?.network ?? null, wallet, errors };
}
