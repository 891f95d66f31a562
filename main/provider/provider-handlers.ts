import type { Handlers } from "../../common/contract";
import { ContractFailure } from "../../common/envelope";
import { buildAttributes } from "./attributes";
import type { CertificateService } from "./certificate-service";
import { parseHostUri } from "./host-uri";
import type { HardwarePort, ProviderService } from "./provider-service";
import type { Treasury } from "./treasury";

type ProviderMethods =
  | "provider.preview"
  | "provider.plan"
  | "provider.apply"
  | "cert.status"
  | "cert.publish"
  | "cert.revoke"
  | "treasury.balances"
  | "treasury.validators"
  | "treasury.burnAct"
  | "treasury.stake"
  | "treasury.claimRewards"
  | "treasury.sweep";

export interface ProviderHandlerDeps {
  provider: () => ProviderService;
  certificates: () => CertificateService;
  treasury: () => Treasury;
  hardware: HardwarePort;
  /** A provider record was created or updated on chain (the bid engine starts at once, not at its next retry). */
  onApplied?: () => void;
}

export function providerHandlers(d: ProviderHandlerDeps): Pick<Handlers, ProviderMethods> {
  return {
    // Offline: what would be published, for the review step before any chain call.
    "provider.preview": async (input) => {
      const host = parseHostUri(input.hostUri);
      const [gpus, storage] = await Promise.all([d.hardware.gpus(), d.hardware.storage()]);
      const attributes = buildAttributes({ gpus, storage, region: input.region, country: input.country, city: input.city, organization: input.organization, extra: input.extra });
      return { hostUri: { uri: host.uri, host: host.host, port: host.port }, attributes };
    },
    "provider.plan": (input) => d.provider().plan(input),
    "provider.apply": async (input) => {
      const applied = await d.provider().apply(input.input, input.fingerprint);
      if (applied.tx?.status === "confirmed") d.onApplied?.();
      return applied;
    },
    "cert.status": async () => {
      const status = await d.certificates().status();
      return { current: status.current, onChain: status.onChain.map((c) => ({ serial: c.serial, state: c.state })) };
    },
    "cert.publish": async (input) => {
      const result = await d.certificates().publish(parseHostUri(input.hostUri));
      return { serial: result.serial, tx: result.tx, revoked: result.revoked };
    },
    "cert.revoke": (input) => d.certificates().revoke(input.serial),
    "treasury.balances": async () => {
      const treasury = d.treasury();
      const [balances, sweep] = await Promise.all([treasury.balances(), treasury.previewSweep()]);
      return { ...balances, sweepable: sweep.amount };
    },
    "treasury.validators": () => d.treasury().validators(),
    "treasury.burnAct": (input) => d.treasury().burnAct(BigInt(input.amount)),
    "treasury.stake": (input) => d.treasury().stake(input.validator, BigInt(input.amount)),
    "treasury.claimRewards": () => d.treasury().claimRewards(),
    "treasury.sweep": (input) => d.treasury().sweep(input.to, input.amount === undefined ? undefined : BigInt(input.amount)),
  };
}

/** The wallet address a provider action acts for, or a clear "create a wallet first". */
export function requireAddress(address: string | null): string {
  if (!address) throw new ContractFailure("NOT_FOUND", "There is no wallet yet. Create one or import your recovery phrase first.");
  return address;
}
