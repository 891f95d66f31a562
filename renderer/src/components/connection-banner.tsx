import type { ConnectionState } from "../connection";

/** Says so when live updates from the app stopped (it restarted, the SSH tunnel dropped). */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state !== "disconnected") return null;
  return (
    <div className="banner" role="status">
      Lost the live connection to the app. Retrying… What you see may be out of date.
    </div>
  );
}
