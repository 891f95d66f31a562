import { z } from "zod";

// The tenant manifest as it travels over `PUT /deployment/{dseq}/manifest`: the JSON that
// chain-sdk's `manifestToSortedJSON` produces (the shape of ../shared/fixtures/sdl/*/manifest.json).
// Quantities are decimal integer strings (`{val:"1000"}`); never floats.

const MAX_NAME = 63;
const MAX_ITEMS = 256;

/** A decimal integer that fits in an unsigned 64-bit value, as Akash's ResourceValue carries. */
const DecimalInt = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,19})$/, "must be a non-negative decimal integer")
  // zod runs refinements even after the regex failed: guard BigInt against non-digits.
  .refine((v) => !/^[0-9]+$/.test(v) || BigInt(v) <= 0xffff_ffff_ffff_ffffn, "exceeds uint64");

export const ResourceValue = z.object({ val: DecimalInt });

export const ManifestAttribute = z.object({ key: z.string().min(1).max(256), value: z.string().max(256) });
const Attributes = z.array(ManifestAttribute).max(64).nullish();

/** Lower-case DNS-1123 label, as SDL service and group names must be. */
export const ServiceName = z
  .string()
  .min(1)
  .max(MAX_NAME)
  .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, "must be a lower-case DNS label");

export const ManifestEndpoint = z.object({
  // 0 = SHARED_HTTP (omitted when 0), 1 = RANDOM_PORT, 2 = LEASED_IP.
  kind: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  sequence_number: z.number().int().nonnegative().max(0xffff_ffff),
});

export const ManifestStorage = z.object({
  name: z.string().min(1).max(MAX_NAME),
  size: ResourceValue,
  attributes: Attributes,
});

export const ManifestResources = z.object({
  id: z.number().int().positive().max(0xffff_ffff),
  cpu: z.object({ units: ResourceValue, attributes: Attributes }),
  memory: z.object({ size: ResourceValue, attributes: Attributes }),
  storage: z.array(ManifestStorage).max(32).nullish(),
  gpu: z.object({ units: ResourceValue, attributes: Attributes }).nullish(),
  endpoints: z.array(ManifestEndpoint).max(MAX_ITEMS).nullish(),
});

export const HttpOptions = z.object({
  maxBodySize: z.number().int().nonnegative(),
  readTimeout: z.number().int().nonnegative(),
  sendTimeout: z.number().int().nonnegative(),
  nextTries: z.number().int().nonnegative(),
  nextTimeout: z.number().int().nonnegative(),
  nextCases: z.array(z.string().max(32)).max(16).nullish(),
});

const Port = z.number().int().min(0).max(65535);

export const ManifestExpose = z.object({
  port: Port.refine((p) => p > 0, "port must be 1..65535"),
  externalPort: Port,
  proto: z.enum(["TCP", "UDP"]),
  service: z.string().max(MAX_NAME),
  global: z.boolean(),
  hosts: z.array(z.string().min(1).max(253)).max(64).nullish(),
  httpOptions: HttpOptions.nullish(),
  ip: z.string().max(MAX_NAME).nullish(),
  endpointSequenceNumber: z.number().int().nonnegative().max(0xffff_ffff).nullish(),
});

export const StorageParams = z.object({
  name: z.string().min(1).max(MAX_NAME),
  mount: z.string().max(4096),
  readOnly: z.boolean(),
});

export const ImageCredentials = z.object({
  host: z.string().min(1).max(253),
  email: z.string().max(256).nullish(),
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(4096),
});

export const ManifestService = z.object({
  name: ServiceName,
  image: z.string().min(1).max(1024),
  command: z.array(z.string().max(65536)).max(MAX_ITEMS).nullish(),
  args: z.array(z.string().max(65536)).max(MAX_ITEMS).nullish(),
  env: z.array(z.string().max(65536)).max(1024).nullish(),
  resources: ManifestResources,
  count: z.number().int().nonnegative().max(10_000),
  expose: z.array(ManifestExpose).max(MAX_ITEMS).nullish(),
  params: z.object({ storage: z.array(StorageParams).max(32).nullish() }).loose().nullish(),
  credentials: ImageCredentials.nullish(),
});

export const ManifestGroup = z.object({
  name: z.string().min(1).max(MAX_NAME),
  services: z.array(ManifestService).min(1).max(64),
});

export const Manifest = z.array(ManifestGroup).min(1).max(32);

export type ManifestService = z.infer<typeof ManifestService>;
export type ManifestGroup = z.infer<typeof ManifestGroup>;
export type ManifestExpose = z.infer<typeof ManifestExpose>;
export type ManifestStorage = z.infer<typeof ManifestStorage>;
export type Manifest = z.infer<typeof Manifest>;

/** Lease id as the chain names it; sequence numbers are decimal strings (dseq is a block height). */
// Addresses are bech32 (lower-case alphanumerics): they also serve as Kubernetes label values.
const Bech32Address = z.string().regex(/^[a-z][a-z0-9]{1,62}$/, "must be a bech32 address");

export const LeaseId = z.object({
  owner: Bech32Address,
  dseq: DecimalInt,
  gseq: z.number().int().nonnegative().max(0xffff_ffff),
  oseq: z.number().int().nonnegative().max(0xffff_ffff),
  provider: Bech32Address,
});
export type LeaseId = z.infer<typeof LeaseId>;

/** The part of an order's GroupSpec the gateway compares a manifest with (what was bid on). */
export const BidGroupSpec = z.object({
  name: z.string().min(1).max(MAX_NAME),
  resources: z
    .array(z.object({ resource: ManifestResources, count: z.number().int().nonnegative().max(10_000) }).loose())
    .min(1)
    .max(64),
}).loose();
export type BidGroupSpec = z.infer<typeof BidGroupSpec>;
