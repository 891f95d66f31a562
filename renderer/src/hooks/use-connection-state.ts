import { useSyncExternalStore } from "react";
import type { ConnectionState, ConnectionStatus } from "../connection";

export function useConnectionState(status: ConnectionStatus): ConnectionState {
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}
