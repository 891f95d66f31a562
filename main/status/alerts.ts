import type { CollateralRunway, StatusAlert } from "../../common/status-schemas";
import type { StatusSources } from "./sources";

// Which alerts the Dashboard shows, each with what to do: a pure function of one reading of the
// services. Order is severity first, so the most urgent one is on top.

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** Healthy only when an endpoint is usable; an unchecked pool (no reading yet) is not an alert. */
export function rpcUnhealthy(rpc: StatusSources["rpc"]): boolean {
  if (!rpc || rpc.endpoints.length === 0) return rpc !== null;
  if (rpc.endpoints.every((e) => e.status === "unknown")) return false;
  return rpc.active === null || rpc.endpoints.every((e) => e.status === "down");
}

export function collateralLow(sources: StatusSources, runway: CollateralRunway | null): boolean {
  const reserve = sources.balances?.reserve.status;
  if (reserve === "low" || reserve === "stalled") return true;
  return runway !== null && runway.bidsCovered === 0;
}

export function computeAlerts(sources: StatusSources, runway: CollateralRunway | null): StatusAlert[] {
  const alerts: StatusAlert[] = [];
  const add = (alert: StatusAlert) => alerts.push(alert);

  switch (sources.wallet?.state) {
    case "none":
      add({ id: "wallet_missing", severity: "critical", title: "Set up a wallet", action: "Create or import a wallet in Onboarding: bids, deposits and earnings all need one.", page: "onboarding" });
      break;
    case "backup-pending":
      add({ id: "wallet_backup_pending", severity: "critical", title: "Finish the wallet backup", action: "Confirm the recovery words in Onboarding; the wallet cannot sign until you do.", page: "onboarding" });
      break;
    case "locked":
      add({ id: "wallet_locked", severity: "critical", title: "Wallet locked", action: "Unlock the wallet in Settings so the provider can sign bids and withdrawals.", page: "settings" });
      break;
    case "damaged":
      add({ id: "wallet_damaged", severity: "critical", title: "Wallet cannot be read", action: sources.wallet.problem ?? "Restore the wallet from its backup in Settings.", page: "settings" });
      break;
    default:
      break;
  }

  if (rpcUnhealthy(sources.rpc)) {
    const lastError = sources.rpc?.endpoints.find((e) => e.lastError)?.lastError;
    add({
      id: "rpc_unhealthy",
      severity: "critical",
      title: "Chain unreachable",
      action: `No RPC endpoint answers${lastError ? ` (${truncate(lastError, 80)})` : ""}. Check the internet connection, or add another endpoint in Settings.`,
      page: "settings",
    });
  }

  if (collateralLow(sources, runway)) {
    const message = sources.balances?.reserve.status !== "ok" && sources.balances ? sources.balances.reserve.message : null;
    add({
      id: "collateral_low",
      severity: "critical",
      title: "Low collateral",
      action: message ?? `The wallet cannot fund another bid (deposit, fee and your kept reserve). Send ${runway?.denom ?? "AKT"} to the wallet.`,
      page: "settings",
    });
  }

  const hardware = sources.hardware;
  if (hardware) {
    const gpus = hardware.gpus.filter((g) => g.vendor === "nvidia" || g.vendor === "amd");
    if (gpus.length === 0) {
      add({
        id: "gpu_not_detected",
        severity: "warning",
        title: "No GPU detected",
        action: hardware.gpuCheck.action ?? "Install the NVIDIA driver (nvidia-smi must work), then check the hardware report in Onboarding.",
        page: "onboarding",
      });
    } else if (!gpus.some((g) => g.attributes.length > 0)) {
      add({ id: "gpu_not_detected", severity: "warning", title: "GPU not ready to sell", action: gpus[0]!.check.action ?? gpus[0]!.check.message, page: "onboarding" });
    }
  }

  if (sources.cluster && !sources.cluster.installed && !sources.cluster.installing) {
    add({ id: "k3s_not_installed", severity: "warning", title: "Kubernetes (k3s) not installed", action: "Install the bundled k3s in Onboarding: won leases run on it.", page: "onboarding" });
  }

  if (sources.price?.stale) {
    const asOf = sources.price.asOf ? ` (last price from ${sources.price.asOf.slice(0, 16).replace("T", " ")} UTC)` : "";
    add({
      id: "price_stale",
      severity: "warning",
      title: "AKT price is stale",
      action: `The chain's oracle price could not be refreshed${asOf}; USD figures may be off until it is.`,
      page: "earnings",
    });
  }

  const readyToBid = sources.wallet?.state === "unlocked" && sources.cluster?.installed === true;
  if (readyToBid && sources.engine === null) {
    add({ id: "engine_not_running", severity: "info", title: "Bid engine not running", action: "The bid engine starts once the provider is registered; check Onboarding's last steps.", page: "onboarding" });
  }

  return alerts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
