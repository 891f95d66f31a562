import type { RpcPoolSnapshot } from "../../../../common/chain-schemas";
import { formatDateTime } from "../../format/date-time";

const STATUS_LABEL = { unknown: "Not checked", healthy: "Healthy", degraded: "Behind", down: "Down" } as const;

/** The RPC pool as the app sees it: which endpoint calls go to, and how each one is doing. */
export function EndpointsTable({ snapshot }: { snapshot: RpcPoolSnapshot }) {
  return (
    <div className="stack">
      <p role="status">
        {snapshot.active ? (
          <>
            Calls go to <code className="mono">{snapshot.active}</code> (chain {snapshot.chainId}).
          </>
        ) : (
          <>No endpoint answers for chain {snapshot.chainId}. Check this machine's internet connection, or add an endpoint you trust below.</>
        )}
      </p>
      <table className="table" data-testid="rpc-endpoints">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Health</th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col" className="num">
              Height
            </th>
            <th scope="col">Last problem</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.endpoints.map((endpoint) => (
            <tr key={endpoint.url}>
              <td className="mono">
                {endpoint.url}
                {endpoint.url === snapshot.active ? <span className="badge">in use</span> : null}
              </td>
              <td className={`status-${endpoint.status}`}>
                {STATUS_LABEL[endpoint.status]}
                {endpoint.retryAt ? <span className="help"> · retry {formatDateTime(endpoint.retryAt)}</span> : null}
              </td>
              <td className="num">{endpoint.latencyMs === null ? "—" : `${Math.round(endpoint.latencyMs)} ms`}</td>
              <td className="num">{endpoint.height ?? "—"}</td>
              <td>
                {endpoint.lastError ?? "—"}
                {endpoint.consecutiveFailures > 0 ? <span className="help"> ({endpoint.consecutiveFailures} failures in a row)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
