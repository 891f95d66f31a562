import { z } from "zod";

// Uptime: four probes checked every minute, their one-minute history, uptime over 24 h / 7 d / 30 d,
// and an incident timeline. A minute with no record means the app was not running (or the computer
// slept): that is a gap, shown as unknown, never counted as up.

export const PROBE_IDS = ["app", "chain", "gateway", "kube"] as const;
export const ProbeId = z.enum(PROBE_IDS);
export type ProbeId = z.infer<typeof ProbeId>;

/** "unknown": not checked yet, not configured, or not applicable (k3s not installed yet). */
export const ProbeState = z.enum(["up", "down", "unknown"]);
export type ProbeState = z.infer<typeof ProbeState>;

export const ProbeStatus = z.object({
  id: ProbeId,
  label: z.string(),
  state: ProbeState,
  /** One sentence: what was checked and what answered (or why it is unknown). */
  reason: z.string(),
  /** When it entered this state (this run of the app). */
  since: z.string().datetime().nullable(),
  checkedAt: z.string().datetime().nullable(),
});
export type ProbeStatus = z.infer<typeof ProbeStatus>;

export const WINDOW_IDS = ["24h", "7d", "30d"] as const;

export const ProbeWindowStats = z.object({
  id: ProbeId,
  upMinutes: z.number().int().nonnegative(),
  downMinutes: z.number().int().nonnegative(),
  /** Recorded minutes in which this probe could not say (not configured / not applicable). */
  unknownMinutes: z.number().int().nonnegative(),
  /** up / (up + down) in basis points (9995 = 99.95 %); null when nothing was measured. */
  uptimeBps: z.number().int().min(0).max(10_000).nullable(),
});
export type ProbeWindowStats = z.infer<typeof ProbeWindowStats>;

export const UptimeWindow = z.object({
  id: z.enum(WINDOW_IDS),
  /** The window, clipped to when history starts. */
  from: z.string().datetime(),
  to: z.string().datetime(),
  minutes: z.number().int().nonnegative(),
  /** Minutes without any record: the app was not running. */
  gapMinutes: z.number().int().nonnegative(),
  probes: z.array(ProbeWindowStats),
});
export type UptimeWindow = z.infer<typeof UptimeWindow>;

const Host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^[0-9a-fA-F:]+$/, "a host name or IP address");

/** Where tenants reach the provider's gateway: the public host and port of its host URI. */
export const GatewayTarget = z.object({ host: Host, port: z.number().int().min(1).max(65_535), tls: z.boolean() }).strict();
export type GatewayTarget = z.infer<typeof GatewayTarget>;

export const UptimeSummary = z.object({
  now: z.string().datetime(),
  /** The first recorded minute; null before the first check. */
  historySince: z.string().datetime().nullable(),
  probes: z.array(ProbeStatus),
  windows: z.array(UptimeWindow),
  gatewayTarget: GatewayTarget.nullable(),
});
export type UptimeSummary = z.infer<typeof UptimeSummary>;

export const Incident = z.object({
  /** "outage:<n>" or "gap:<start minute>". */
  id: z.string(),
  kind: z.enum(["outage", "gap"]),
  probe: ProbeId,
  start: z.string().datetime(),
  /** Null while it lasts. */
  end: z.string().datetime().nullable(),
  minutes: z.number().int().nonnegative(),
  reason: z.string(),
  endReason: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentQuery = z
  .object({
    since: z.string().datetime().optional(),
    probe: ProbeId.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .optional();
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const IncidentList = z.object({ incidents: z.array(Incident) });
export type IncidentList = z.infer<typeof IncidentList>;

export const UptimeSettingsPatch = z.object({ gateway: GatewayTarget.nullable() }).strict();
export type UptimeSettingsPatch = z.infer<typeof UptimeSettingsPatch>;

export const ProbeChange = z.object({ probe: ProbeId, from: ProbeState, to: ProbeState, reason: z.string() });

/** One per check in which at least one probe changed state. */
export const UptimeChanged = z.object({ at: z.string().datetime(), changes: z.array(ProbeChange).min(1), probes: z.array(ProbeStatus) });
export type UptimeChanged = z.infer<typeof UptimeChanged>;
