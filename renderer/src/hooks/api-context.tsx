import { createContext, useContext, type ReactNode } from "react";
import type { Connection } from "../api";

// The connection is made once in main.tsx and handed down, so pages and tests pass any ProviderApi.
const ApiContext = createContext<Connection | null>(null);

export function ApiProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ApiContext.Provider value={connection}>{children}</ApiContext.Provider>;
}

export function useConnection(): Connection {
  const connection = useContext(ApiContext);
  if (!connection) throw new Error("useConnection() outside <ApiProvider>");
  return connection;
}
