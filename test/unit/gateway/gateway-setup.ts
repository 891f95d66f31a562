import "reflect-metadata";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { generateProviderCertificate } from "../../../main/provider/provider-certificate";
import { buildLeaseObjects, DEFAULT_BUILDER_SETTINGS } from "../../../main/cluster/builder";
import { manifestHash, MemoryManifestStore, startGateway, type RunningGateway } from "../../../main/gateway";
import type { LeaseId } from "../../../common/gateway-schemas";
import { FakeChain, FakeCluster, FakeTime, fixture, groupSpecs } from "./fakes";

export const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";

export interface Harness {
  gateway: RunningGateway;
  ca: string;
  time: FakeTime;
  chain: FakeChain;
  cluster: FakeCluster;
  closed: { lease: LeaseId; reason: number }[];
  tenant: Secp256k1HdWallet;
  tenantAddress: string;
  other: Secp256k1HdWallet;
  otherAddress: string;
  manifestBody: string;
  lease: LeaseId;
}

/** A gateway on 127.0.0.1 with the provider's real P-256 cert, one tenant lease on the "simple" vector. */
export async function startHarness(limits: Record<string, number> = {}): Promise<Harness> {
  const time = new FakeTime();
  const chain = new FakeChain();
  const cluster = new FakeCluster();
  const closed: { lease: LeaseId; reason: number }[] = [];
  const cert = await generateProviderCertificate({ owner: PROVIDER, host: { host: "localhost", isIp: false }, now: new Date(time.nowMs - 60_000) });
  const tenant = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
  const other = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
  const [t] = await tenant.getAccounts();
  const [o] = await other.getAccounts();
  chain.pubkeys.set(t!.address, t!.pubkey);
  chain.pubkeys.set(o!.address, o!.pubkey);
  const manifestBody = fixture("simple", "manifest.json");
  const lease: LeaseId = { owner: t!.address, dseq: "4242", gseq: 1, oseq: 1, provider: PROVIDER };
  chain.deployments.set(`${t!.address}/4242`, { state: "active", hash: await manifestHash(JSON.parse(manifestBody)) });
  chain.leases.set(`${t!.address}/4242`, [{ id: lease, groupSpec: groupSpecs("simple")[0]! }]);
  const gateway = await startGateway({
    providerAddress: PROVIDER,
    tls: { certPem: cert.certPem, keyPem: cert.privateKeyPem },
    host: "127.0.0.1",
    port: 0,
    clock: time,
    timers: time,
    chain,
    cluster,
    manifests: new MemoryManifestStore(),
    bids: { closeBid: async (l, reason) => void closed.push({ lease: l, reason }) },
    info: {
      status: async () => ({ cluster: { leases: 1, inventory: { available: { nodes: [] } } }, bidengine: { orders: 0 }, manifest: { deployments: 1 }, cluster_public_hostname: "localhost", address: PROVIDER }),
      version: async () => ({ akash: { version: "0.1.0", commit: "test" }, kube: null }),
    },
    validateGroup: (l, group) => void buildLeaseObjects({ lease: l, group, settings: DEFAULT_BUILDER_SETTINGS }),
    limits: { burst: 1000, perSecond: 1000, ...limits },
  });
  return { gateway, ca: cert.certPem, time, chain, cluster, closed, tenant, tenantAddress: t!.address, other, otherAddress: o!.address, manifestBody, lease };
}
