import { ContractFailure } from "../../common/envelope";
import type { ChainTx } from "../../common/chain-schemas";
import type { ProviderInput, ProviderPlan } from "../../common/provider-schemas";
import { queryProvider } from "../chain/queries";
import type { RpcPool } from "../chain/rpc-pool";
import type { TxQueue } from "../chain/tx-queue";
import { buildAttributes, type GpuForAttributes, type StorageCapability } from "./attributes";
import { parseHostUri } from "./host-uri";
import { planProvider, providerMessage } from "./provider-plan";

// The on-chain provider record: plan (diff against the chain, adopting an existing record owned by
// this wallet), then apply exactly the reviewed plan. Nothing is stored locally about the record:
// the chain is the only source of truth, so the app can never believe in a provider the chain lacks.

/** What the provider needs from the hardware report (main/hardware implements it). */
export interface HardwarePort {
  gpus(): Promise<GpuForAttributes[]>;
  storage(): Promise<StorageCapability[]>;
}

export interface ProviderServiceDeps {
  pool: () => RpcPool;
  queue: () => TxQueue;
  /** The wallet's address; throws a clear error when there is no wallet yet. */
  owner: () => string;
  hardware: HardwarePort;
}

export class ProviderService {
  constructor(private readonly d: ProviderServiceDeps) {}

  async plan(input: ProviderInput): Promise<ProviderPlan> {
    const owner = this.d.owner();
    const host = parseHostUri(input.hostUri);
    const [gpus, storage] = await Promise.all([this.d.hardware.gpus(), this.d.hardware.storage()]);
    const attributes = buildAttributes({
      gpus,
      storage,
      region: input.region,
      country: input.country,
      city: input.city,
      organization: input.organization,
      extra: input.extra,
    });
    const current = await queryProvider(this.d.pool(), owner);
    return planProvider(current, { owner, hostUri: host.uri, attributes, info: { email: input.email?.trim() ?? "", website: input.website?.trim() ?? "" } });
  }

  /** Sends the plan the user reviewed; refuses if the chain or the inputs changed since. */
  async apply(input: ProviderInput, fingerprint: string): Promise<{ plan: ProviderPlan; tx: ChainTx | null }> {
    const plan = await this.plan(input);
    if (plan.fingerprint !== fingerprint) {
      throw new ContractFailure("CONFLICT", "The provider record or your inputs changed since you reviewed them. Review the changes again before sending.");
    }
    const message = providerMessage(plan);
    if (!message) return { plan, tx: null };
    const tx = await this.d.queue().submit({ kind: plan.action === "create" ? "provider.create" : "provider.update", messages: [message] });
    return { plan, tx };
  }
}
