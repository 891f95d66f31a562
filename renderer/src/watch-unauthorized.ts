import type { ProviderApi } from "../../common/api";
import type { Envelope } from "../../common/envelope";
import { METHOD_NAMES } from "../../common/names";
import type { ConnectionStatus } from "./connection";

/**
 * The same API, but an UNAUTHORIZED answer that the bridge gave for the token marks the connection as
 * refused (see App's gate). The app itself also answers UNAUTHORIZED for a wrong wallet passphrase or
 * a locked wallet; to tell them apart, `app.info` (which needs nothing but the token) is asked: only
 * if it is refused too was it the token.
 */
export function watchUnauthorized(api: ProviderApi, status: ConnectionStatus): ProviderApi {
  const wrapped: Record<string, unknown> = { subscribe: api.subscribe.bind(api) };
  for (const method of METHOD_NAMES) {
    const call = api[method] as (input?: unknown) => Promise<Envelope<unknown>>;
    wrapped[method] = async (input?: unknown) => {
      const result = await call(input);
      if (!result.ok && result.error.code === "UNAUTHORIZED") {
        const probe = method === "app.info" ? result : await api["app.info"]();
        if (!probe.ok && probe.error.code === "UNAUTHORIZED") status.set("unauthorized");
      }
      return result;
    };
  }
  return wrapped as ProviderApi;
}
