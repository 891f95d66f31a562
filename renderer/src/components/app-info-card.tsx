import type { AppInfo } from "../../../common/schemas";
import { formatDateTime } from "../format/date-time";
import { networkLabel } from "../format/network";

/** Which app this is, how it runs and on which network: what a support question starts with. */
export function AppInfoFacts({ info }: { info: AppInfo }) {
  return (
    <dl className="kv">
      <dt>Version</dt>
      <dd data-testid="app-version">{info.version}</dd>
      <dt>Mode</dt>
      <dd>{info.mode === "headless" ? "Headless (browser dashboard)" : "Desktop window"}</dd>
      <dt>Network</dt>
      <dd data-testid="app-network">{networkLabel(info.network)}</dd>
      <dt>Running since</dt>
      <dd>{formatDateTime(info.startedAt)}</dd>
      <dt>Runtime</dt>
      <dd>
        Node {info.node} on {info.platform}
      </dd>
    </dl>
  );
}
