import type { DevnetStatus } from "../../../../common/devnet-schemas";

/** The in-app local devnet: running or not, and why not. */
export function DevnetFacts({ status }: { status: DevnetStatus }) {
  if (!status.running && status.managed === false) {
    return (
      <p role="status" data-testid="devnet-external">
        The app runs no devnet of its own (it was started with <code>--no-devnet</code>): the local network is the external devnet at the endpoints below.
      </p>
    );
  }
  if (!status.running) {
    return (
      <p className="notice-warn" role="status">
        The local devnet is not running{status.error ? `: ${status.error}` : "."} Restart the app, or reset the devnet in Settings.
      </p>
    );
  }
  return (
    <dl className="kv" data-testid="devnet-status">
      <dt>Local devnet</dt>
      <dd className="status-healthy">Running</dd>
      <dt>Chain</dt>
      <dd>{status.chainId}</dd>
      <dt>Height</dt>
      <dd>{status.height}</dd>
      <dt>Synthetic tenants</dt>
      <dd>{status.syntheticTenants ? "On: test deployments arrive on their own" : "Off"}</dd>
    </dl>
  );
}
