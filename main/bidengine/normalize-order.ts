import { parseDec18 } from "./decimal";
import { NormalizedOrder, orderKey, type EndpointKind, type ResourceUnit, type StorageVolume } from "./order-model";

// Reads an order from either shape the app meets:
// - the chain's REST JSON (snake_case, uint64 as strings, ResourceValue.val as a decimal string,
//   DecCoin amounts with 18 decimals, enums by name), and SDL tooling's variant of it
//   (`memory.size` / `storage[].size`, enums by number, nulls for empty lists);
// - the chain-sdk protobuf `Order` (camelCase, uint64 as Long, ResourceValue.val as ASCII bytes).
// Anything else becomes an OrderParseError that says where and why; nothing here throws otherwise.

export class OrderParseError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path || "order"}: ${detail}`);
    this.name = "OrderParseError";
  }
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function obj(value: unknown, path: string): Obj {
  if (!isObj(value)) throw new OrderParseError(path, `expected an object, got ${kind(value)}`);
  return value;
}

/** Reads `snake` or its camelCase twin (REST vs ts-proto). */
function field(o: Obj, snake: string): unknown {
  if (snake in o) return o[snake];
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return o[camel];
}

/** An optional list: absent and null read as empty (proto3 JSON omits empty repeated fields). */
function list(value: unknown, path: string, max = 10_000): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OrderParseError(path, `expected a list, got ${kind(value)}`);
  if (value.length > max) throw new OrderParseError(path, `more than ${max} entries`);
  return value;
}

function str(value: unknown, path: string, { optional = false, max = 1024 } = {}): string {
  if ((value === undefined || value === null) && optional) return "";
  if (typeof value !== "string") throw new OrderParseError(path, `expected a string, got ${kind(value)}`);
  if (value.length > max) throw new OrderParseError(path, `longer than ${max} characters`);
  return value;
}

const DIGITS = /^\d{1,39}$/;

/** uint64 from a decimal string, a safe integer, a bigint or a `long` Long. */
export function readUint(value: unknown, path: string, max: bigint): bigint {
  let result: bigint;
  if (typeof value === "bigint") result = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) result = BigInt(value);
  else if (typeof value === "string" && DIGITS.test(value)) result = BigInt(value);
  else if (isObj(value) && typeof value.low === "number" && typeof value.high === "number") {
    // Long: two signed 32-bit halves; `unsigned` tells how to read the high bit.
    const low = BigInt(value.low >>> 0);
    const high = BigInt(value.high >>> 0);
    result = (high << 32n) | low;
    if (value.unsigned !== true && value.high < 0) result -= 1n << 64n;
  } else throw new OrderParseError(path, `expected an unsigned integer, got ${describe(value)}`);
  if (result < 0n || result > max) throw new OrderParseError(path, `${result} is out of range`);
  return result;
}

const U32 = 0xffff_ffffn;
const U64 = (1n << 64n) - 1n;
const RV_MAX = 10n ** 36n; // math.Int is unbounded; nothing real comes near this.

function readU32(value: unknown, path: string, optional = false): number {
  if ((value === undefined || value === null) && optional) return 0;
  return Number(readUint(value, path, U32));
}

/** ResourceValue: `{val}` with val a decimal string (REST) or ASCII-decimal bytes (protobuf). */
function readResourceValue(value: unknown, path: string, optional = false): bigint {
  if ((value === undefined || value === null) && optional) return 0n;
  const o = obj(value, path);
  const val = o.val;
  if (val instanceof Uint8Array) {
    if (val.length === 0 || val.length > 39) throw new OrderParseError(`${path}.val`, `expected 1 to 39 ASCII digits, got ${val.length} bytes`);
    let text = "";
    for (const byte of val) {
      if (byte < 0x30 || byte > 0x39) throw new OrderParseError(`${path}.val`, "bytes are not an ASCII decimal number");
      text += String.fromCharCode(byte);
    }
    return BigInt(text);
  }
  return readUint(val, `${path}.val`, RV_MAX);
}

function readAttributes(value: unknown, path: string): { key: string; value: string }[] {
  return list(value, path, 1_000).map((entry, i) => {
    const a = obj(entry, `${path}[${i}]`);
    return { key: str(a.key, `${path}[${i}].key`, { max: 512 }), value: str(a.value, `${path}[${i}].value`, { optional: true, max: 512 }) };
  });
}

const ENDPOINT_KINDS: Record<string, EndpointKind> = {
  "0": "shared_http",
  "1": "random_port",
  "2": "leased_ip",
  SHARED_HTTP: "shared_http",
  RANDOM_PORT: "random_port",
  LEASED_IP: "leased_ip",
};

function readEndpointKind(value: unknown, path: string): EndpointKind {
  if (value === undefined || value === null) return "shared_http"; // proto3 default, omitted in JSON
  const found = typeof value === "string" || typeof value === "number" ? ENDPOINT_KINDS[String(value)] : undefined;
  if (!found) throw new OrderParseError(path, `unknown endpoint kind ${describe(value)}`);
  return found;
}

const ORDER_STATES: Record<string, NormalizedOrder["state"]> = {
  "0": "invalid",
  "1": "open",
  "2": "active",
  "3": "closed",
  invalid: "invalid",
  open: "open",
  active: "active",
  closed: "closed",
};

function readState(value: unknown, path: string): NormalizedOrder["state"] {
  const found = typeof value === "string" || typeof value === "number" ? ORDER_STATES[String(value)] : undefined;
  if (!found) throw new OrderParseError(path, `unknown order state ${describe(value)}`);
  return found;
}

function readStorage(value: unknown, path: string): StorageVolume {
  const s = obj(value, path);
  const quantity = "quantity" in s ? s.quantity : s.size; // REST proto name vs SDL jsontag
  const attributes = readAttributes(s.attributes, `${path}.attributes`);
  let storageClass: string | null = null;
  let persistent = false;
  for (const a of attributes) {
    if (a.key === "class") storageClass = a.value;
    else if (a.key === "persistent") persistent = a.value === "true";
  }
  return { name: str(s.name, `${path}.name`, { optional: true, max: 256 }), bytes: readResourceValue(quantity, `${path}.quantity`), storageClass, persistent, attributes };
}

function readResourceUnit(value: unknown, path: string): ResourceUnit {
  const u = obj(value, path);
  const r = obj(u.resource, `${path}.resource`);
  const cpu = r.cpu === undefined || r.cpu === null ? {} : obj(r.cpu, `${path}.resource.cpu`);
  const memory = obj(r.memory, `${path}.resource.memory`);
  const gpu = r.gpu === undefined || r.gpu === null ? {} : obj(r.gpu, `${path}.resource.gpu`);
  const price = obj(u.price, `${path}.price`);
  const cpuMillis = readResourceValue(cpu.units, `${path}.resource.cpu.units`, true);
  const gpuUnits = readResourceValue(gpu.units, `${path}.resource.gpu.units`, true);
  if (cpuMillis > BigInt(Number.MAX_SAFE_INTEGER)) throw new OrderParseError(`${path}.resource.cpu.units`, "out of range");
  if (gpuUnits > BigInt(Number.MAX_SAFE_INTEGER)) throw new OrderParseError(`${path}.resource.gpu.units`, "out of range");
  return {
    id: readU32(r.id, `${path}.resource.id`, true),
    cpuMillis: Number(cpuMillis),
    memoryBytes: readResourceValue("quantity" in memory ? memory.quantity : memory.size, `${path}.resource.memory.quantity`),
    storage: list(r.storage, `${path}.resource.storage`, 1_000).map((s, i) => readStorage(s, `${path}.resource.storage[${i}]`)),
    gpuUnits: Number(gpuUnits),
    gpuAttributes: readAttributes(gpu.attributes, `${path}.resource.gpu.attributes`),
    endpoints: list(r.endpoints, `${path}.resource.endpoints`, 1_000).map((e, i) => {
      const ep = obj(e, `${path}.resource.endpoints[${i}]`);
      return {
        kind: readEndpointKind(ep.kind, `${path}.resource.endpoints[${i}].kind`),
        sequence: readU32(field(ep, "sequence_number"), `${path}.resource.endpoints[${i}].sequence_number`, true),
      };
    }),
    count: readCount(u.count, `${path}.count`),
    price: {
      denom: str(price.denom, `${path}.price.denom`, { max: 128 }),
      atto: readPrice(price.amount, `${path}.price.amount`),
    },
  };
}

function readCount(value: unknown, path: string): number {
  const count = readU32(value, path);
  if (count === 0) throw new OrderParseError(path, "must be at least 1 (the chain refuses an empty group)");
  return count;
}

function readPrice(value: unknown, path: string): bigint {
  if (typeof value !== "string") throw new OrderParseError(path, `expected a decimal string, got ${kind(value)}`);
  try {
    return parseDec18(value, path);
  } catch (error) {
    throw new OrderParseError(path, (error as Error).message.replace(`${path}: `, ""));
  }
}

/** One order (REST JSON or protobuf object) → the validated internal model, or OrderParseError. */
export function normalizeOrder(input: unknown, path = "order"): NormalizedOrder {
  const o = obj(input, path);
  // `orders/info` answers `{order: {...}}`; accept that wrapper too.
  if (!("id" in o) && isObj(o.order)) return normalizeOrder(o.order, `${path}.order`);
  const id = obj(o.id, `${path}.id`);
  const spec = obj(o.spec, `${path}.spec`);
  const requirements = spec.requirements === undefined || spec.requirements === null ? {} : obj(spec.requirements, `${path}.spec.requirements`);
  const signedByRaw = field(requirements, "signed_by");
  const signedBy = signedByRaw === undefined || signedByRaw === null ? {} : obj(signedByRaw, `${path}.spec.requirements.signed_by`);
  const owner = str(id.owner, `${path}.id.owner`, { max: 128 });
  if (!owner) throw new OrderParseError(`${path}.id.owner`, "is empty");
  const dseq = readUint(id.dseq, `${path}.id.dseq`, U64);
  const gseq = readU32(id.gseq, `${path}.id.gseq`);
  const oseq = readU32(id.oseq, `${path}.id.oseq`);
  const createdRaw = field(o, "created_at");
  const candidate = {
    owner,
    dseq,
    gseq,
    oseq,
    key: orderKey(owner, dseq, gseq, oseq),
    state: readState(o.state, `${path}.state`),
    createdAt: createdRaw === undefined || createdRaw === null ? 0n : readUint(createdRaw, `${path}.created_at`, U64),
    reclamation: o.reclamation !== undefined && o.reclamation !== null,
    groupName: str(spec.name, `${path}.spec.name`, { optional: true, max: 256 }),
    signedBy: {
      allOf: list(field(signedBy, "all_of"), `${path}.spec.requirements.signed_by.all_of`, 100).map((a, i) => str(a, `${path}.spec.requirements.signed_by.all_of[${i}]`, { max: 128 })),
      anyOf: list(field(signedBy, "any_of"), `${path}.spec.requirements.signed_by.any_of`, 100).map((a, i) => str(a, `${path}.spec.requirements.signed_by.any_of[${i}]`, { max: 128 })),
    },
    attributes: readAttributes(requirements.attributes, `${path}.spec.requirements.attributes`),
    resources: list(spec.resources, `${path}.spec.resources`, 100).map((u, i) => readResourceUnit(u, `${path}.spec.resources[${i}]`)),
  };
  const checked = NormalizedOrder.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new OrderParseError(`${path}.${issue.path.join(".")}`, issue.message);
  }
  return checked.data;
}

export interface ReadOrders {
  orders: NormalizedOrder[];
  /** Entries that could not be read; the others are still returned. */
  rejected: { index: number; message: string }[];
  /** The orders-list response's `pagination.next_key`, when there is one. */
  nextKey: string | null;
}

/**
 * One order, a list of orders, or an orders-list response (`{orders: [...], pagination}`) → orders.
 * A bad entry in a list is reported and skipped; a document that is not any of these throws.
 */
export function normalizeOrders(input: unknown): ReadOrders {
  if (Array.isArray(input)) return readMany(input, "orders", null);
  const o = obj(input, "document");
  if ("orders" in o) {
    const pagination = o.pagination === undefined || o.pagination === null ? {} : obj(o.pagination, "pagination");
    const nextKey = field(pagination, "next_key");
    return readMany(list(o.orders, "orders", 100_000), "orders", typeof nextKey === "string" && nextKey ? nextKey : null);
  }
  return { orders: [normalizeOrder(o)], rejected: [], nextKey: null };
}

function readMany(items: unknown[], path: string, nextKey: string | null): ReadOrders {
  const orders: NormalizedOrder[] = [];
  const rejected: ReadOrders["rejected"] = [];
  items.forEach((item, index) => {
    try {
      orders.push(normalizeOrder(item, `${path}[${index}]`));
    } catch (error) {
      if (!(error instanceof OrderParseError)) throw error;
      rejected.push({ index, message: error.message });
    }
  });
  return { orders, rejected, nextKey };
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "bytes";
  return typeof value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return kind(value);
}
