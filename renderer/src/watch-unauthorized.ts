import type { ProviderApi } from "../../common/api";
import type { Envelope } from "../../common/envelope";
import { METHOD_NAMES } from "../../common/names";
import type { ConnectionStatus } from "./connection";

/** The same API, but any UNAUTHORIZED answer marks the connection as refused (see App's gate). */
export function watchUnauthorized(api: ProviderApi, status: ConnectionStatus): ProviderApi {
  const wrapped: Record<string, unknown> = { subscribe: api.subscribe.bind(api) };
  for (const method of METHOD_NAMES) {
    const call = api[method] as (input?: unknown) => Promise<Envelope<unknown>>;
    wrapped[method] = async (input?: unknown) => {
      const result = await call(input);
      if (!result.ok && result.error.code === "UNAUTHORIZED") status.set("unauthorized");
      return result;
    };
  }
  return wrapped as ProviderApi;
}
