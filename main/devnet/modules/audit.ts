import {
  AuditedProvider,
  MsgDeleteProviderAttributes,
  MsgDeleteProviderAttributesResponse,
  MsgSignProviderAttributes,
  MsgSignProviderAttributesResponse,
  QueryAllProvidersAttributesRequest,
  QueryAuditorAttributesRequest,
  QueryProviderAttributesRequest,
  QueryProviderAuditorRequest,
  QueryProvidersResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { paginate } from "../chain/pagination";
import type { MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress } from "../util/address";
import { validateAttributes, type Attribute } from "./attributes";
import { auditErr } from "./module-errors";
import type { ProviderModule } from "./provider";

interface AuditRecord {
  owner: string;
  auditor: string;
  attributes: Attribute[];
}

/** x/audit (v1): auditors sign provider attributes; orders with signed_by need these signatures. */
export class AuditModule {
  readonly records: Table<AuditRecord>;

  constructor(
    store: Store,
    private readonly providers: ProviderModule,
  ) {
    this.records = store.table<AuditRecord>("audit.records");
  }

  signed(owner: string, auditor: string): Attribute[] {
    return this.records.get(`${owner}/${auditor}`)?.attributes ?? [];
  }

  handlers(): MsgHandler[] {
    const sign: MsgHandler<MsgSignProviderAttributes> = {
      typeUrl: `/${MsgSignProviderAttributes.$type}`,
      decode: (b) => MsgSignProviderAttributes.decode(b),
      signers: (m) => [m.auditor],
      gas: 30_000,
      module: "audit",
      handle: (msg) => {
        checkAddress(msg.owner, "owner");
        checkAddress(msg.auditor, "auditor");
        if (msg.owner === msg.auditor) throw auditErr.sameAccount();
        if (!this.providers.get(msg.owner)) throw auditErr.providerNotFound(msg.owner);
        validateAttributes(msg.attributes, auditErr.attributes);
        const key = `${msg.owner}/${msg.auditor}`;
        const merged = new Map(this.signed(msg.owner, msg.auditor).map((a) => [a.key, a.value]));
        for (const a of msg.attributes) merged.set(a.key, a.value);
        this.records.put(key, { owner: msg.owner, auditor: msg.auditor, attributes: [...merged].map(([k, value]) => ({ key: k, value })) });
        return { typeUrl: `/${MsgSignProviderAttributesResponse.$type}`, value: MsgSignProviderAttributesResponse.encode({}).finish() };
      },
    };
    const remove: MsgHandler<MsgDeleteProviderAttributes> = {
      typeUrl: `/${MsgDeleteProviderAttributes.$type}`,
      decode: (b) => MsgDeleteProviderAttributes.decode(b),
      signers: (m) => [m.auditor],
      gas: 20_000,
      module: "audit",
      handle: (msg) => {
        const key = `${msg.owner}/${msg.auditor}`;
        const record = this.records.get(key);
        if (!record) throw auditErr.providerNotFound(`${msg.owner} has no attributes from ${msg.auditor}`);
        const keep = msg.keys.length === 0 ? [] : record.attributes.filter((a) => !msg.keys.includes(a.key));
        if (keep.length === 0) this.records.delete(key);
        else this.records.put(key, { ...record, attributes: keep });
        return { typeUrl: `/${MsgDeleteProviderAttributesResponse.$type}`, value: MsgDeleteProviderAttributesResponse.encode({}).finish() };
      },
    };
    return [sign, remove] as MsgHandler[];
  }

  routes(): QueryRoutes {
    const respond = (list: AuditRecord[], pagination: Parameters<typeof paginate>[1]) => {
      const page = paginate(list, pagination);
      return QueryProvidersResponse.encode(
        QueryProvidersResponse.fromPartial({ providers: page.items.map((r) => AuditedProvider.fromPartial(r)), pagination: page.pagination }),
      ).finish();
    };
    const all = () => [...this.records.values()];
    return {
      "/akash.audit.v1.Query/AllProvidersAttributes": (data) => respond(all(), QueryAllProvidersAttributesRequest.decode(data).pagination),
      "/akash.audit.v1.Query/ProviderAttributes": (data) => {
        const r = QueryProviderAttributesRequest.decode(data);
        return respond(all().filter((a) => a.owner === r.owner), r.pagination);
      },
      "/akash.audit.v1.Query/ProviderAuditorAttributes": (data) => {
        const r = QueryProviderAuditorRequest.decode(data);
        return respond(all().filter((a) => a.owner === r.owner && a.auditor === r.auditor), undefined);
      },
      "/akash.audit.v1.Query/AuditorAttributes": (data) => {
        const r = QueryAuditorAttributesRequest.decode(data);
        return respond(all().filter((a) => a.auditor === r.auditor), r.pagination);
      },
    };
  }
}
