import type { WalletState } from "../../../../common/wallet-schemas";

// Where the wizard stands, derived from what the app reports (wallet, balance, k3s, chain), so a
// restart resumes at the first step that is not done. Pure: unit-tested without a browser.

export const STEP_IDS = ["hardware", "network", "wallet", "funding", "cluster", "provider", "pricing", "live"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  hardware: "Hardware report",
  network: "Network checks",
  wallet: "Wallet",
  funding: "Funding",
  cluster: "Kubernetes (k3s)",
  provider: "Provider registration",
  pricing: "Pricing",
  live: "Go live",
};

/** What the app reports; null where it is not known (not asked yet, or the call failed). */
export interface WizardFacts {
  /** The hardware report's headline: false only when this machine cannot be a provider. */
  hardwareUsable: boolean | null;
  /** Whether an RPC endpoint answers (and, on the local network, the app's own devnet runs, if it has one). */
  chainReachable: boolean | null;
  wallet: WalletState | null;
  /** The balance covers the bidding reserve. */
  funded: boolean | null;
  clusterInstalled: boolean | null;
  providerOnChain: boolean | null;
  certificateValid: boolean | null;
  /** The bid engine is not paused. */
  bidding: boolean | null;
}

export const UNKNOWN_FACTS: WizardFacts = {
  hardwareUsable: null,
  chainReachable: null,
  wallet: null,
  funded: null,
  clusterInstalled: null,
  providerOnChain: null,
  certificateValid: null,
  bidding: null,
};

export type StepStatus = "done" | "todo" | "blocked";

export interface StepView {
  id: StepId;
  title: string;
  status: StepStatus;
}

/**
 * Each step's status and the current step (the first one not done). The two check steps and pricing
 * have no state in the app: they count as done once the user moved past them (`acknowledged`, kept by
 * the window) or, for the checks, once a wallet exists (they were passed before).
 */
export function deriveSteps(facts: WizardFacts, acknowledged: ReadonlySet<StepId>): { steps: StepView[]; current: StepId | null } {
  const walletReady = facts.wallet === "unlocked" || facts.wallet === "locked";
  const started = walletReady;
  const provider = facts.providerOnChain === true && facts.certificateValid === true;
  const status: Record<StepId, StepStatus> = {
    hardware: facts.hardwareUsable === false ? "blocked" : facts.hardwareUsable === true && (started || acknowledged.has("hardware")) ? "done" : "todo",
    network: facts.chainReachable === true && (started || acknowledged.has("network")) ? "done" : "todo",
    wallet: walletReady ? "done" : facts.wallet === "damaged" ? "blocked" : "todo",
    funding: facts.funded === true ? "done" : "todo",
    cluster: facts.clusterInstalled === true ? "done" : "todo",
    provider: provider ? "done" : "todo",
    pricing: acknowledged.has("pricing") ? "done" : "todo",
    live: facts.bidding === true && provider && acknowledged.has("live") ? "done" : "todo",
  };
  const steps = STEP_IDS.map((id) => ({ id, title: STEP_TITLES[id], status: status[id] }));
  const current = steps.find((s) => s.status !== "done")?.id ?? null;
  return { steps, current };
}
