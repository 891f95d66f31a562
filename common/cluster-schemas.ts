import { z } from "zod";

// The k3s node: preflight verdicts, the install plan shown for consent, install/uninstall reports,
// node health, join tokens and the progress stream. Sizes are bytes and CPU is millicores (integers).

export const ClusterRole = z.enum(["server", "agent"]);
export type ClusterRole = z.infer<typeof ClusterRole>;

export const PreflightVerdict = z.enum(["pass", "warn", "fail"]);
export type PreflightVerdict = z.infer<typeof PreflightVerdict>;

/** One preflight line: what was checked, how it stands and, when it does not pass, what to do. */
export const PreflightItem = z.object({
  id: z.string(),
  title: z.string(),
  verdict: PreflightVerdict,
  message: z.string(),
  fix: z.string().nullable(),
  /** Exact shell commands that fix it (Debian/Ubuntu), when there are any. */
  commands: z.array(z.string()),
});
export type PreflightItem = z.infer<typeof PreflightItem>;

export const PreflightReport = z.object({
  checkedAt: z.string().datetime(),
  platform: z.string(),
  arch: z.string(),
  /** True when no item fails: the install may run. */
  canInstall: z.boolean(),
  /** An existing k3s this app installed: the install adopts it instead of refusing. */
  adopting: z.boolean(),
  items: z.array(PreflightItem),
});
export type PreflightReport = z.infer<typeof PreflightReport>;

/** Where a second rig joins: the first node's API URL and its node token. */
export const JoinTarget = z
  .object({
    serverUrl: z.string().regex(/^https:\/\/[A-Za-z0-9.:[\]-]+:\d{1,5}$/, "serverUrl must look like https://HOST:6443"),
    token: z.string().min(16).max(512).regex(/^[A-Za-z0-9:._-]+$/, "a node token has only letters, digits and : . _ -"),
  })
  .strict();
export type JoinTarget = z.infer<typeof JoinTarget>;

export const PlanInput = z
  .object({ role: ClusterRole.default("server"), join: JoinTarget.optional() })
  .strict()
  .refine((v) => (v.role === "agent") === (v.join !== undefined), { message: "an agent needs join details, a server takes none" });
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanStep = z.object({
  id: z.string(),
  title: z.string(),
  /** What this step changes on the machine, in words the owner can consent to. */
  changes: z.array(z.string()),
  privileged: z.boolean(),
  undoable: z.boolean(),
  /** Whether its check already passes (a re-run skips it). null when it cannot be checked yet. */
  done: z.boolean().nullable(),
});
export type PlanStep = z.infer<typeof PlanStep>;

export const InstallPlan = z.object({
  role: ClusterRole,
  k3sVersion: z.string(),
  arch: z.string(),
  steps: z.array(PlanStep),
  preflight: PreflightReport,
});
export type InstallPlan = z.infer<typeof InstallPlan>;

export const InstallInput = z
  .object({
    role: ClusterRole.default("server"),
    join: JoinTarget.optional(),
    /** The owner saw the plan and agreed; nothing runs without it. */
    consent: z.literal(true),
  })
  .strict()
  .refine((v) => (v.role === "agent") === (v.join !== undefined), { message: "an agent needs join details, a server takes none" });
export type InstallInput = z.infer<typeof InstallInput>;

export const StepOutcome = z.object({
  id: z.string(),
  outcome: z.enum(["skipped", "applied", "failed", "not_run", "undone"]),
  message: z.string(),
});
export type StepOutcome = z.infer<typeof StepOutcome>;

export const RunReport = z.object({
  /** blocked: preflight failed and nothing ran; failed: a step failed (re-running resumes there). */
  outcome: z.enum(["completed", "blocked", "failed", "refused", "not_installed"]),
  message: z.string(),
  steps: z.array(StepOutcome),
  logFile: z.string().nullable(),
});
export type RunReport = z.infer<typeof RunReport>;

export const UninstallInput = z
  .object({
    /** Must be true to uninstall while leases still run on the node. */
    evenWithActiveLeases: z.boolean().default(false),
  })
  .strict();
export type UninstallInput = z.infer<typeof UninstallInput>;

export const NodeResources = z.object({
  cpuMillis: z.number().int().nonnegative(),
  memoryBytes: z.number().int().nonnegative(),
  gpus: z.number().int().nonnegative(),
  ephemeralStorageBytes: z.number().int().nonnegative(),
});
export type NodeResources = z.infer<typeof NodeResources>;

export const NodeHealth = z.object({
  name: z.string(),
  ready: z.boolean(),
  roles: z.array(z.string()),
  kubeletVersion: z.string(),
  allocatable: NodeResources,
  capacity: NodeResources,
  /** Conditions that are True and should not be: MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable. */
  pressure: z.array(z.string()),
  /** The node's labels: the Akash attribute labels tell the bid engine which GPU model another rig has. */
  labels: z.record(z.string(), z.string()).optional(),
});
export type NodeHealth = z.infer<typeof NodeHealth>;

export const ClusterHealth = z.object({
  checkedAt: z.string().datetime(),
  reachable: z.boolean(),
  /** Why the API could not be asked, when it could not. */
  error: z.string().nullable(),
  nodes: z.array(NodeHealth),
  /** Sum of allocatable over Ready nodes: what the bid engine may sell once k3s runs. */
  allocatable: NodeResources,
  devicePlugin: z.object({ desired: z.number().int(), ready: z.number().int() }).nullable(),
  healthy: z.boolean(),
});
export type ClusterHealth = z.infer<typeof ClusterHealth>;

export const ClusterStatus = z.object({
  installed: z.boolean(),
  role: ClusterRole.nullable(),
  k3sVersion: z.string().nullable(),
  /** Whether this app put it there (its marker is in the unit), or someone else did. */
  ours: z.boolean(),
  installing: z.boolean(),
  message: z.string(),
  health: ClusterHealth.nullable(),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const JoinInfo = z.object({
  available: z.boolean(),
  message: z.string(),
  serverUrl: z.string().nullable(),
  token: z.string().nullable(),
  /** What to paste into "join an existing provider" on the second machine. */
  joinCode: z.string().nullable(),
});
export type JoinInfo = z.infer<typeof JoinInfo>;

export const JoinTokenInput = z
  .object({ advertiseAddress: z.string().regex(/^[A-Za-z0-9.:-]+$/).max(253).optional() })
  .strict()
  .optional();

export const ClusterProgress = z.object({
  run: z.enum(["install", "uninstall"]),
  kind: z.enum(["step", "log"]),
  stepId: z.string().nullable(),
  stepIndex: z.number().int().nonnegative(),
  stepCount: z.number().int().nonnegative(),
  state: z.enum(["started", "skipped", "applied", "failed", "undone", "log"]),
  message: z.string(),
  at: z.string().datetime(),
});
export type ClusterProgress = z.infer<typeof ClusterProgress>;

export const ClusterPreflightInput = z
  .object({ role: ClusterRole.optional() })
  .strict()
  .optional();
