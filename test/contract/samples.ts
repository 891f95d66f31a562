import type { MethodInput } from "../../common/contract";
import type { EventName, MethodName } from "../../common/names";
import type { App } from "../../main/app";
import { fundedWallet, SAMPLE_HOST } from "./chain-samples";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../main/bidengine/default-settings";

const SAMPLE_MNEMONIC = `${"abandon ".repeat(11)}about`;
const SAMPLE_PASSPHRASE = "contract passphrase";

/** A GPU order in the chain's REST shape (see ../shared/fixtures/akash-mainnet/orders-list.json), priced in uact. */
const SAMPLE_ORDER = {
  id: { owner: "akash1tenant", dseq: "20805457", gseq: 1, oseq: 1 },
  state: "open",
  spec: {
    name: "akash",
    requirements: { signed_by: { all_of: [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] },
    resources: [
      {
        resource: {
          id: 1,
          cpu: { units: { val: "2000" }, attributes: [] },
          memory: { quantity: { val: "8589934592" }, attributes: [] },
          storage: [{ name: "default", quantity: { val: "12884901888" }, attributes: [] }],
          gpu: { units: { val: "1" }, attributes: [{ key: "vendor/nvidia/model/*", value: "true" }] },
          endpoints: [{ kind: "RANDOM_PORT", sequence_number: 0 }],
        },
        count: 1,
        price: { denom: "uact", amount: "1000.000000000000000000" },
      },
    ],
  },
  created_at: "20805459",
  reclamation: null,
};

async function importedWallet(app: App): Promise<void> {
  const result = await app.call("wallet.import", { mnemonic: SAMPLE_MNEMONIC, passphrase: SAMPLE_PASSPHRASE });
  if (!result.ok) throw new Error(result.error.message);
}

/** A backup exported from another app instance (its own data dir), ready to restore here. */
async function backupFromAnotherInstall(): Promise<void> {
  const { newTestApp } = await import("./transports");
  const other = newTestApp();
  try {
    await importedWallet(other.app);
    const backup = await other.app.call("wallet.exportBackup", { passphrase: "backup passphrase" });
    if (!backup.ok) throw new Error(backup.error.message);
    methodSamples["wallet.importBackup"].valid.content = (backup.value as { content: string }).content;
  } finally {
    await other.cleanup();
  }
}

async function importedLockedWallet(app: App): Promise<void> {
  await importedWallet(app);
  await app.call("wallet.lock", undefined);
}

async function reviewedPlan(app: App): Promise<void> {
  await fundedWallet(app);
  const plan = await app.call("provider.plan", { hostUri: SAMPLE_HOST });
  if (!plan.ok) throw new Error(plan.error.message);
  methodSamples["provider.apply"].valid.fingerprint = (plan.value as { fingerprint: string }).fingerprint;
}

async function publishedCertificate(app: App): Promise<void> {
  await fundedWallet(app);
  const published = await app.call("cert.publish", { hostUri: SAMPLE_HOST });
  if (!published.ok) throw new Error(published.error.message);
  methodSamples["cert.revoke"].valid.serial = (published.value as { serial: string }).serial;
}

async function walletWithAct(app: App): Promise<void> {
  const { devnet, address } = await fundedWallet(app);
  devnet.node.bank.mint(address, "uact", 5_000_000n); // seeding: ACT normally comes from lease withdrawals
}

async function stakeTarget(app: App): Promise<void> {
  await fundedWallet(app);
  const validators = await app.call("treasury.validators", undefined);
  if (!validators.ok) throw new Error(validators.error.message);
  methodSamples["treasury.stake"].valid.validator = (validators.value as { operatorAddress: string }[])[0]!.operatorAddress;
}

/** A created wallet whose quiz answers are known, so `confirmBackup` can be called with the right words. */
async function confirmableWallet(app: App): Promise<void> {
  const created = await app.call("wallet.create", undefined);
  if (!created.ok) throw new Error(created.error.message);
  const { words, confirmPositions } = created.value as { words: string[]; confirmPositions: number[] };
  methodSamples["wallet.confirmBackup"].valid.answers = confirmPositions.map((position) => ({ position, word: words[position - 1]! }));
}

// For each method: a valid input, and an invalid one the contract must refuse with INVALID_INPUT.
// For each event: how to make the app emit it. The suite fails when a new name lacks an entry here.

// `prepare` (optional) puts a fresh app into the state the valid call needs (e.g. a wallet that exists).
export const methodSamples: { [M in MethodName]: { valid: MethodInput<M>; invalid: unknown; prepare?: (app: App) => Promise<unknown> } } = {
  "app.info": { valid: undefined, invalid: { unexpected: true } },
  "system.summary": { valid: undefined, invalid: 42 },
  "settings.get": { valid: undefined, invalid: "settings" },
  "settings.update": { valid: { closeToTray: false }, invalid: { network: "moon-1" } },
  "devnet.status": { valid: undefined, invalid: { start: true } },
  "devnet.reset": { valid: undefined, invalid: [] },
  "bidengine.screen": { valid: { order: JSON.stringify(SAMPLE_ORDER) }, invalid: { order: 42 } },
  "bidengine.decisions": { valid: { outcome: "declined", limit: 10 }, invalid: { limit: 0 } },
  "bidengine.settings": { valid: undefined, invalid: { paused: true } },
  "bidengine.updateSettings": { valid: { paused: true }, invalid: { paused: "yes" } },
  "bidengine.status": { valid: undefined, invalid: { network: "local" } },
  "bidengine.pause": { valid: undefined, invalid: { now: true } },
  "bidengine.resume": { valid: undefined, invalid: 1 },
  "bidengine.setGaming": { valid: { on: true }, invalid: { on: "yes" } },
  "bidengine.previewPrice": { valid: { settings: DEFAULT_BIDENGINE_SETTINGS, utilisationPercent: 50, gpuModels: ["rtx3090"] }, invalid: { settings: { paused: false }, utilisationPercent: 150 } },
  "uptime.summary": { valid: undefined, invalid: { window: "24h" } },
  "uptime.incidents": { valid: { probe: "gateway", limit: 10 }, invalid: { probe: "dns" } },
  "uptime.check": { valid: undefined, invalid: { probes: ["app"] } },
  "uptime.updateSettings": { valid: { gateway: { host: "127.0.0.1", port: 9, tls: true } }, invalid: { gateway: { host: "bad host!", port: 0, tls: true } } },
  "earnings.summary": { valid: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-08T00:00:00.000Z", granularity: "day" }, invalid: { from: "2026-11-08T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z", granularity: "day" }, prepare: importedWallet },
  "earnings.leases": { valid: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-08T00:00:00.000Z" }, invalid: { from: "yesterday", to: "today" }, prepare: importedWallet },
  "earnings.gpus": { valid: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-08T00:00:00.000Z" }, invalid: { from: "2026-11-01T00:00:00.000Z" }, prepare: importedWallet },
  "earnings.breakEven": { valid: undefined, invalid: { month: 11 }, prepare: importedWallet },
  "earnings.exportCsv": { valid: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-08T00:00:00.000Z" }, invalid: { from: "2020-01-01T00:00:00.000Z", to: "2026-11-08T00:00:00.000Z" }, prepare: importedWallet },
  "earnings.reconcile": { valid: undefined, invalid: { height: 5 }, prepare: fundedWallet },
  "earnings.withdraw": { valid: undefined, invalid: { leases: [] }, prepare: fundedWallet },
  "earnings.settings": { valid: undefined, invalid: "scheduler" },
  "earnings.updateSettings": { valid: { withdrawEveryHours: 6 }, invalid: { withdrawEveryHours: 0 } },
  "earnings.schedule": { valid: undefined, invalid: { lease: "x" } },
  "earnings.price": { valid: undefined, invalid: { denom: "uakt" }, prepare: fundedWallet },
  "wallet.status": { valid: undefined, invalid: { address: 1 } },
  "wallet.create": { valid: undefined, invalid: { words: 12 } },
  "wallet.confirmBackup": {
    valid: { answers: [], passphrase: SAMPLE_PASSPHRASE },
    invalid: { answers: [{ position: 0, word: "abandon" }] },
    prepare: confirmableWallet,
  },
  "wallet.import": { valid: { mnemonic: SAMPLE_MNEMONIC, passphrase: SAMPLE_PASSPHRASE }, invalid: { mnemonic: 24 } },
  "wallet.importBackup": { valid: { content: "set by prepare", backupPassphrase: "backup passphrase" }, invalid: { content: "", backupPassphrase: "x" }, prepare: backupFromAnotherInstall },
  "wallet.unlock": { valid: { passphrase: SAMPLE_PASSPHRASE }, invalid: { passphrase: "" }, prepare: importedLockedWallet },
  "wallet.lock": { valid: undefined, invalid: "now" },
  "wallet.changePassphrase": { valid: { current: SAMPLE_PASSPHRASE, next: "another passphrase" }, invalid: { current: SAMPLE_PASSPHRASE }, prepare: importedLockedWallet },
  "wallet.exportBackup": { valid: { passphrase: "backup passphrase" }, invalid: {}, prepare: importedWallet },
  "chain.rpcStatus": { valid: { refresh: true }, invalid: { refresh: "yes" } },
  "chain.transactions": { valid: { limit: 20 }, invalid: { limit: 0 } },
  "chain.setEndpoints": { valid: { network: "local", endpoints: ["http://127.0.0.1:9"] }, invalid: { network: "local", endpoints: "http://x" } },
  "chain.faucet": { valid: undefined, invalid: { amount: "1" }, prepare: (app) => fundedWallet(app) },
  "provider.preview": { valid: { hostUri: SAMPLE_HOST, region: "eu-west" }, invalid: { hostUri: 42 } },
  "provider.plan": { valid: { hostUri: SAMPLE_HOST }, invalid: { hostUri: SAMPLE_HOST, bogus: 1 }, prepare: (app) => fundedWallet(app) },
  "provider.apply": { valid: { input: { hostUri: SAMPLE_HOST }, fingerprint: "set by prepare" }, invalid: { input: { hostUri: SAMPLE_HOST } }, prepare: reviewedPlan },
  "cert.status": { valid: undefined, invalid: { serial: 1 }, prepare: (app) => fundedWallet(app) },
  "cert.publish": { valid: { hostUri: SAMPLE_HOST }, invalid: { hostUri: null }, prepare: (app) => fundedWallet(app) },
  "cert.revoke": { valid: { serial: "1" }, invalid: { serial: "0x1f" }, prepare: publishedCertificate },
  "treasury.balances": { valid: undefined, invalid: "all", prepare: (app) => fundedWallet(app) },
  "treasury.validators": { valid: undefined, invalid: { status: "bonded" }, prepare: (app) => fundedWallet(app) },
  "treasury.burnAct": { valid: { amount: "1000000" }, invalid: { amount: "1.5" }, prepare: walletWithAct },
  "treasury.stake": { valid: { validator: "set by prepare", amount: "1000000" }, invalid: { validator: "akashvaloper1x", amount: "-1" }, prepare: stakeTarget },
  "treasury.claimRewards": { valid: undefined, invalid: { validator: 1 }, prepare: (app) => fundedWallet(app) },
  "treasury.sweep": { valid: { to: "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l", amount: "1000000" }, invalid: { to: "akash1x", amount: 5 }, prepare: (app) => fundedWallet(app) },
  "hardware.report": { valid: undefined, invalid: { gpus: [] } },
  "hardware.gpuModels": { valid: undefined, invalid: "rtx4090" },
  "hardware.setGpuModel": {
    valid: { busId: "0000:01:00.0", choice: { vendor: "nvidia", model: "rtx4090", vram: "24Gi", interface: "pcie" } },
    invalid: { busId: "slot one", choice: null },
  },
  "hardware.settings": { valid: undefined, invalid: { tariff: null } },
  "hardware.updateSettings": {
    valid: { samplerIntervalSeconds: 30, tariff: { kind: "flat", currency: "EUR", usdPerUnit: "1.08", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" }, reserve: { cpuThreads: 1 } },
    invalid: { tariff: { kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: 0.31 } },
  },
  "hardware.energy": {
    valid: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z", groupBy: "hour" },
    invalid: { from: "2026-11-02T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" },
  },
  "hardware.capacity": { valid: undefined, invalid: { cpu: 1 } },
  "hardware.ownerActivity": { valid: undefined, invalid: [] },
  "cluster.preflight": { valid: { role: "server" }, invalid: { role: "master" } },
  "cluster.plan": { valid: { role: "server" }, invalid: { role: "agent" } },
  // Here (no bundle downloads, no root) the install is blocked by preflight and changes nothing.
  "cluster.install": { valid: { consent: true }, invalid: { consent: false } },
  "cluster.status": { valid: undefined, invalid: { node: "x" } },
  "cluster.health": { valid: undefined, invalid: 7 },
  "cluster.uninstall": { valid: { evenWithActiveLeases: false }, invalid: { evenWithActiveLeases: "yes" } },
  "cluster.joinToken": { valid: { advertiseAddress: "192.168.1.20" }, invalid: { advertiseAddress: "not an address!" } },
  "status.overview": { valid: { refresh: true }, invalid: { refresh: "now" } },
  "notifications.settings": { valid: undefined, invalid: { leaseWon: true } },
  "notifications.updateSettings": { valid: { offline: false }, invalid: { offline: "no" } },
  "gateway.status": { valid: undefined, invalid: { port: 8443 } },
  "gateway.gpuReclaimImpact": { valid: undefined, invalid: { leases: [] } },
};

export const eventTriggers: { [E in EventName]: (app: App) => Promise<unknown> } = {
  "settings.changed": (app) => app.call("settings.update", { startAtLogin: true }),
  "wallet.changed": (app) => app.call("wallet.lock", undefined),
  "cluster.progress": (app) => app.call("cluster.install", { consent: true }),
  // The first check moves "the app" from unknown (not checked yet) to up: one event per check.
  "uptime.changed": (app) => app.call("uptime.check", undefined),
  // The first overview differs from none: it is always announced.
  "status.changed": (app) => app.call("status.overview", { refresh: true }),
  // Pausing announces the engine's status (stopped while no wallet is unlocked, with the reason).
  "bidengine.changed": (app) => app.call("bidengine.pause", undefined),
};
