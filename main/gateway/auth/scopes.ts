export const ACCESS_SCOPES = ["send-manifest", "get-manifest", "logs", "shell", "events", "status", "restart", "hostname-migrate", "ip-migrate"] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];
