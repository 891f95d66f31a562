import {
  MsgCreateProvider,
  MsgCreateProviderResponse,
  MsgDeleteProvider,
  MsgUpdateProvider,
  MsgUpdateProviderResponse,
  Provider,
  QueryProviderRequest,
  QueryProviderResponse,
  QueryProvidersRequest,
  QueryProvidersResponse,
  EventProviderCreated,
  EventProviderUpdated,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { typedEvent } from "../chain/events";
import { sdkErr } from "../chain/errors";
import { paginate } from "../chain/pagination";
import type { MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress } from "../util/address";
import { validateAttributes } from "./attributes";
import { providerErr } from "./module-errors";

const providerCodec = { toJSON: (p: Provider) => Provider.toJSON(p), fromJSON: (j: unknown) => Provider.fromJSON(j) };

/** ValidateBasic of MsgCreateProvider/MsgUpdateProvider (PROTOCOL.md §2.1). */
export function validateProviderMsg(msg: MsgCreateProvider | MsgUpdateProvider): void {
  checkAddress(msg.owner, "owner");
  let url: URL;
  try {
    url = new URL(msg.hostUri);
  } catch {
    throw providerErr.notAbsUri(`host uri "${msg.hostUri}" is not an absolute URL`);
  }
  if (url.protocol !== "https:") throw providerErr.invalidUri(`host uri "${msg.hostUri}" must use https`);
  if (!url.hostname) throw providerErr.invalidUri(`host uri "${msg.hostUri}" has no host`);
  if (url.pathname !== "/" || url.search || url.hash || /^https:\/\/[^/]+\/./.test(msg.hostUri) || msg.hostUri.endsWith("/")) {
    throw providerErr.invalidUri(`host uri "${msg.hostUri}" must not have a path`);
  }
  validateAttributes(msg.attributes, providerErr.attributes);
  const website = msg.info?.website ?? "";
  if (website) {
    try {
      new URL(website);
    } catch {
      throw providerErr.invalidWebsite(`"${website}"`);
    }
  }
}

/** x/provider (v1beta4): provider records keyed by owner. */
export class ProviderModule {
  readonly providers: Table<Provider>;

  constructor(store: Store) {
    this.providers = store.table("provider.providers", providerCodec);
  }

  get(owner: string): Provider | undefined {
    return this.providers.get(owner);
  }

  handlers(): MsgHandler[] {
    const create: MsgHandler<MsgCreateProvider> = {
      typeUrl: `/${MsgCreateProvider.$type}`,
      decode: (b) => MsgCreateProvider.decode(b),
      signers: (m) => [m.owner],
      gas: 40_000,
      module: "provider",
      handle: (msg, ctx) => {
        validateProviderMsg(msg);
        if (this.providers.has(msg.owner)) throw providerErr.exists(`id: ${msg.owner}`);
        this.providers.put(msg.owner, Provider.fromPartial({ owner: msg.owner, hostUri: msg.hostUri, attributes: msg.attributes, info: msg.info }));
        ctx.emit(typedEvent(EventProviderCreated, EventProviderCreated.fromPartial({ owner: msg.owner })));
        return { typeUrl: `/${MsgCreateProviderResponse.$type}`, value: MsgCreateProviderResponse.encode({}).finish() };
      },
    };
    const update: MsgHandler<MsgUpdateProvider> = {
      typeUrl: `/${MsgUpdateProvider.$type}`,
      decode: (b) => MsgUpdateProvider.decode(b),
      signers: (m) => [m.owner],
      gas: 40_000,
      module: "provider",
      handle: (msg, ctx) => {
        validateProviderMsg(msg);
        if (!this.providers.has(msg.owner)) throw providerErr.notFound(`id: ${msg.owner}`);
        this.providers.put(msg.owner, Provider.fromPartial({ owner: msg.owner, hostUri: msg.hostUri, attributes: msg.attributes, info: msg.info }));
        ctx.emit(typedEvent(EventProviderUpdated, EventProviderUpdated.fromPartial({ owner: msg.owner })));
        return { typeUrl: `/${MsgUpdateProviderResponse.$type}`, value: MsgUpdateProviderResponse.encode({}).finish() };
      },
    };
    const remove: MsgHandler<MsgDeleteProvider> = {
      typeUrl: `/${MsgDeleteProvider.$type}`,
      decode: (b) => MsgDeleteProvider.decode(b),
      signers: (m) => [m.owner],
      gas: 10_000,
      module: "provider",
      handle: () => {
        throw sdkErr.notSupported("NOTIMPLEMENTED");
      },
    };
    return [create, update, remove] as MsgHandler[];
  }

  routes(): QueryRoutes {
    return {
      "/akash.provider.v1beta4.Query/Providers": (data) => {
        const request = QueryProvidersRequest.decode(data);
        const page = paginate([...this.providers.values()], request.pagination);
        return QueryProvidersResponse.encode(QueryProvidersResponse.fromPartial({ providers: page.items, pagination: page.pagination })).finish();
      },
      "/akash.provider.v1beta4.Query/Provider": (data) => {
        const request = QueryProviderRequest.decode(data);
        checkAddress(request.owner, "owner");
        const provider = this.providers.get(request.owner);
        if (!provider) throw sdkErr.keyNotFound(`provider ${request.owner} not found`);
        return QueryProviderResponse.encode(QueryProviderResponse.fromPartial({ provider })).finish();
      },
    };
  }
}
