import type { ClusterHealth, JoinTarget } from "../../../common/cluster-schemas";
import type { BundleArch, BundleManifest } from "../bundle/bundle-manifest";
import type { HostExecutor } from "../host/host-executor";
import type { HostProbe } from "../host/host-probe";
import type { ReserveAmounts } from "../templates/k3s-config";

/** Everything the steps need, decided before any step runs. */
export interface InstallContext {
  role: "server" | "agent";
  join?: JoinTarget;
  bundleDir: string;
  manifest: BundleManifest;
  arch: BundleArch;
  executor: HostExecutor;
  probe: HostProbe;
  nodeName: string;
  labels: Record<string, string>;
  desktopReserve: ReserveAmounts;
  nvidiaGpus: number;
  nvidiaRuntimePath: string | null;
  /** Where the user-readable copy of the kubeconfig goes (the app does not run as root). */
  userKubeconfigPath: string;
  /** Health through that kubeconfig; null until it exists. */
  health(): Promise<ClusterHealth | null>;
  sleep(ms: number): Promise<void>;
  waitAttempts: number;
  waitIntervalMs: number;
}
