import { networkLabel } from "../format/network";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import { useEvent } from "../hooks/use-event";

/** Which network the app is on, always visible: mainnet means real money. Kept live by events. */
export function NetworkBadge() {
  const { api } = useConnection();
  const settings = useCall(api, "settings.get");
  useEvent(api, "settings.changed", settings.set);
  if (settings.status !== "ok") return null;
  const network = settings.value.network;
  return (
    <span className={network === "akashnet-2" ? "badge badge-live" : "badge"} data-testid="network-badge">
      <span className="visually-hidden">Network: </span>
      {networkLabel(network)}
    </span>
  );
}
