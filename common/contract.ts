import { z } from "zod";
import {
  CapacityInventory,
  EnergyQuery,
  EnergyReport,
  GpuModelChoice,
  GpuOverride,
  HardwareReport,
  HardwareSettings,
  HardwareSettingsPatch,
  OwnerActivity,
  SetGpuModelInput,
} from "./hardware-schemas";
import { BidEngineChanged, EngineStatusView, GamingModeInput } from "./bidengine-live-schemas";
import { BidEngineSettings, BidEngineSettingsPatch, DecisionList, DecisionQuery, ScreenInput, ScreenOutput } from "./bidengine-schemas";
import type { EventName, MethodName } from "./names";
import { PreviewPriceInput, PreviewPriceOutput } from "./pricing-preview-schemas";
import { IncidentList, IncidentQuery, UptimeChanged, UptimeSettingsPatch, UptimeSummary } from "./uptime-schemas";
import { GatewayStatus, GpuReclaimImpact } from "./serving-schemas";
import {
  AktPrice,
  BreakEven,
  CsvExport,
  EarningsQuery,
  EarningsRange,
  EarningsSettings,
  EarningsSettingsPatch,
  EarningsSummary,
  GpuEarningsList,
  LeaseEarningsList,
  ReconcileResult,
  WithdrawResult,
  WithdrawSchedule,
} from "./earnings-schemas";
import {
  ClusterHealth,
  ClusterPreflightInput,
  ClusterProgress,
  ClusterStatus,
  InstallInput,
  InstallPlan,
  JoinInfo,
  JoinTokenInput,
  PlanInput,
  PreflightReport,
  RunReport,
  UninstallInput,
} from "./cluster-schemas";
import { AppInfo, Settings, SettingsPatch, SystemSummary } from "./schemas";
import {
  WalletBackupFile,
  WalletChangePassphrase,
  WalletConfirmBackup,
  WalletCreated,
  WalletExportBackup,
  WalletImport,
  WalletImportBackup,
  WalletStatus,
  WalletUnlock,
} from "./wallet-schemas";
import { DevnetStatus } from "./devnet-schemas";
import { NotificationSettings, NotificationSettingsPatch, StatusOverview, StatusRefreshInput } from "./status-schemas";
import { ChainSetEndpoints, ChainTransactions, ChainTransactionsRequest, ChainTx, FaucetGrant, RpcPoolSnapshot, RpcStatusRequest } from "./chain-schemas";
import {
  CertPublish,
  CertRevoke,
  CertStatus,
  Nothing,
  ProviderApply,
  ProviderInput,
  ProviderPlan,
  ProviderPreview,
  TreasuryBalances,
  TreasuryBurnAct,
  TreasuryStake,
  TreasurySweep,
  ValidatorList,
} from "./provider-schemas";

// The one contract: every method's input and output and every event's payload. Both transports
// (Electron IPC and the loopback bridge) and both ends (main and renderer) derive their types from it.

const NoInput = z.undefined().or(z.object({}).strict().transform(() => undefined));

export const methods = {
  "app.info": { input: NoInput, output: AppInfo },
  "system.summary": { input: NoInput, output: SystemSummary },
  "settings.get": { input: NoInput, output: Settings },
  "settings.update": { input: SettingsPatch, output: Settings },
  "devnet.status": { input: NoInput, output: DevnetStatus },
  "devnet.reset": { input: NoInput, output: DevnetStatus },
  "bidengine.screen": { input: ScreenInput, output: ScreenOutput },
  "bidengine.decisions": { input: DecisionQuery, output: DecisionList },
  "bidengine.settings": { input: NoInput, output: BidEngineSettings },
  "bidengine.updateSettings": { input: BidEngineSettingsPatch, output: BidEngineSettings },
  "bidengine.previewPrice": { input: PreviewPriceInput, output: PreviewPriceOutput },
  "bidengine.status": { input: NoInput, output: EngineStatusView },
  "bidengine.pause": { input: NoInput, output: EngineStatusView },
  "bidengine.resume": { input: NoInput, output: EngineStatusView },
  "bidengine.setGaming": { input: GamingModeInput, output: EngineStatusView },
  "uptime.summary": { input: NoInput, output: UptimeSummary },
  "uptime.incidents": { input: IncidentQuery, output: IncidentList },
  "uptime.check": { input: NoInput, output: UptimeSummary },
  "uptime.updateSettings": { input: UptimeSettingsPatch, output: UptimeSummary },
  "earnings.summary": { input: EarningsQuery, output: EarningsSummary },
  "earnings.leases": { input: EarningsRange, output: LeaseEarningsList },
  "earnings.gpus": { input: EarningsRange, output: GpuEarningsList },
  "earnings.breakEven": { input: NoInput, output: BreakEven },
  "earnings.exportCsv": { input: EarningsRange, output: CsvExport },
  "earnings.reconcile": { input: NoInput, output: ReconcileResult },
  "earnings.withdraw": { input: NoInput, output: WithdrawResult },
  "earnings.settings": { input: NoInput, output: EarningsSettings },
  "earnings.updateSettings": { input: EarningsSettingsPatch, output: EarningsSettings },
  "earnings.schedule": { input: NoInput, output: WithdrawSchedule },
  "earnings.price": { input: NoInput, output: AktPrice },
  "wallet.status": { input: NoInput, output: WalletStatus },
  "wallet.create": { input: NoInput, output: WalletCreated },
  "wallet.confirmBackup": { input: WalletConfirmBackup, output: WalletStatus },
  "wallet.import": { input: WalletImport, output: WalletStatus },
  "wallet.importBackup": { input: WalletImportBackup, output: WalletStatus },
  "wallet.unlock": { input: WalletUnlock, output: WalletStatus },
  "wallet.lock": { input: NoInput, output: WalletStatus },
  "wallet.changePassphrase": { input: WalletChangePassphrase, output: WalletStatus },
  "wallet.exportBackup": { input: WalletExportBackup, output: WalletBackupFile },
  "chain.rpcStatus": { input: RpcStatusRequest, output: RpcPoolSnapshot },
  "chain.transactions": { input: ChainTransactionsRequest, output: ChainTransactions },
  "chain.setEndpoints": { input: ChainSetEndpoints, output: RpcPoolSnapshot },
  "chain.faucet": { input: Nothing, output: FaucetGrant },
  "provider.preview": { input: ProviderInput, output: ProviderPreview },
  "provider.plan": { input: ProviderInput, output: ProviderPlan },
  "provider.apply": { input: ProviderApply, output: z.object({ plan: ProviderPlan, tx: ChainTx.nullable() }) },
  "cert.status": { input: Nothing, output: CertStatus },
  "cert.publish": { input: CertPublish, output: z.object({ serial: z.string(), tx: ChainTx, revoked: ChainTx.nullable() }) },
  "cert.revoke": { input: CertRevoke, output: ChainTx },
  "treasury.balances": { input: Nothing, output: TreasuryBalances },
  "treasury.validators": { input: Nothing, output: ValidatorList },
  "treasury.burnAct": { input: TreasuryBurnAct, output: ChainTx },
  "treasury.stake": { input: TreasuryStake, output: ChainTx },
  "treasury.claimRewards": { input: Nothing, output: ChainTx.nullable() },
  "treasury.sweep": { input: TreasurySweep, output: ChainTx.nullable() },
  "hardware.report": { input: NoInput, output: HardwareReport },
  "hardware.gpuModels": { input: NoInput, output: z.array(GpuModelChoice) },
  "hardware.setGpuModel": { input: SetGpuModelInput, output: GpuOverride },
  "hardware.settings": { input: NoInput, output: HardwareSettings },
  "hardware.updateSettings": { input: HardwareSettingsPatch, output: HardwareSettings },
  "hardware.energy": { input: EnergyQuery, output: EnergyReport },
  "hardware.capacity": { input: NoInput, output: CapacityInventory },
  "hardware.ownerActivity": { input: NoInput, output: OwnerActivity },
  "cluster.preflight": { input: ClusterPreflightInput, output: PreflightReport },
  "cluster.plan": { input: PlanInput, output: InstallPlan },
  "cluster.install": { input: InstallInput, output: RunReport },
  "cluster.status": { input: NoInput, output: ClusterStatus },
  "cluster.health": { input: NoInput, output: ClusterHealth },
  "cluster.uninstall": { input: UninstallInput, output: RunReport },
  "cluster.joinToken": { input: JoinTokenInput, output: JoinInfo },
  "status.overview": { input: StatusRefreshInput, output: StatusOverview },
  "notifications.settings": { input: NoInput, output: NotificationSettings },
  "notifications.updateSettings": { input: NotificationSettingsPatch, output: NotificationSettings },
  "gateway.status": { input: NoInput, output: GatewayStatus },
  "gateway.gpuReclaimImpact": { input: NoInput, output: GpuReclaimImpact },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  "settings.changed": Settings,
  "wallet.changed": WalletStatus,
  "cluster.progress": ClusterProgress,
  "uptime.changed": UptimeChanged,
  "status.changed": StatusOverview,
  "bidengine.changed": BidEngineChanged,
} satisfies Record<EventName, z.ZodType>;

// Compile-time check that names.ts and the schemas list the same methods and events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodsMatch: Exact<keyof typeof methods, MethodName> = true;
const eventsMatch: Exact<keyof typeof events, EventName> = true;
void methodsMatch;
void eventsMatch;

export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]["input"]>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]["output"]>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What main implements: one function per method, taking validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]["input"]>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
