import { z } from "zod";

// Provider registration payloads: what the user enters, and the plan (diff) shown before sending.

export const ProviderAttribute = z.object({ key: z.string().max(200), value: z.string().max(300) });

export const ProviderInput = z
  .object({
    hostUri: z.string().max(300),
    region: z.string().max(64).optional(),
    country: z.string().max(64).optional(),
    city: z.string().max(64).optional(),
    organization: z.string().max(128).optional(),
    email: z.string().max(254).optional(),
    website: z.string().max(300).optional(),
    /** The user's own additions and edits from the review step. */
    extra: z.array(ProviderAttribute).max(100).optional(),
  })
  .strict();
export type ProviderInput = z.infer<typeof ProviderInput>;

export const ProviderChange = z.object({
  field: z.enum(["hostUri", "attribute", "info.email", "info.website"]),
  key: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ProviderChange = z.infer<typeof ProviderChange>;

export const ProviderRecord = z.object({
  owner: z.string(),
  hostUri: z.string(),
  attributes: z.array(ProviderAttribute),
  info: z.object({ email: z.string(), website: z.string() }),
});

export const ProviderPlan = z.object({
  /** create: no provider yet; update: adopt the existing one and change it; none: already as wanted. */
  action: z.enum(["create", "update", "none"]),
  owner: z.string(),
  current: ProviderRecord.nullable(),
  desired: ProviderRecord,
  changes: z.array(ProviderChange),
  /** Pass back to apply: if the chain changed since this plan was shown, apply refuses. */
  fingerprint: z.string(),
});
export type ProviderPlan = z.infer<typeof ProviderPlan>;

// ---- contract inputs/outputs for provider, certificate and treasury methods ----

const AmountString = z.string().regex(/^[1-9]\d{0,30}$/u, "a positive integer amount in base units");
const Bech32Like = z.string().min(8).max(128);

export const Nothing = z.undefined().or(z.object({}).strict().transform(() => undefined));

export const ProviderPreview = z.object({
  hostUri: z.object({ uri: z.string(), host: z.string(), port: z.number().int() }),
  attributes: z.array(ProviderAttribute),
});

export const ProviderApply = z.object({ input: ProviderInput, fingerprint: z.string().min(1).max(128) }).strict();

export const CertStatus = z.object({
  current: z.object({ serial: z.string(), onChain: z.enum(["valid", "revoked", "invalid", "missing"]), hasKey: z.boolean() }).nullable(),
  onChain: z.array(z.object({ serial: z.string(), state: z.enum(["valid", "revoked", "invalid"]) })),
});

export const CertPublish = z.object({ hostUri: z.string().max(300) }).strict();
export const CertRevoke = z.object({ serial: z.string().regex(/^\d{1,40}$/u, "a decimal serial") }).strict();

export const TreasuryBalances = z.object({
  address: z.string(),
  uakt: z.string(),
  uact: z.string(),
  staked: z.string(),
  rewards: z.string(),
  pendingActToAkt: z.string(),
  /** What a sweep would send now (uakt above the reserve). */
  sweepable: z.string(),
  reserve: z.object({ required: z.string(), status: z.enum(["ok", "low", "stalled"]), message: z.string() }),
});

export const ValidatorList = z.array(
  z.object({ operatorAddress: z.string(), moniker: z.string(), commission: z.string(), jailed: z.boolean(), status: z.enum(["bonded", "unbonding", "unbonded", "unspecified"]), tokens: z.string() }),
);

export const TreasuryBurnAct = z.object({ amount: AmountString }).strict();
export const TreasuryStake = z.object({ validator: Bech32Like, amount: AmountString }).strict();
export const TreasurySweep = z.object({ to: Bech32Like, amount: AmountString.optional() }).strict();
