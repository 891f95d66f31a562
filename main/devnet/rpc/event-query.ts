import type { AbciEvent } from "../chain/types";

// The subset of CometBFT's query language the devnet understands: conditions joined by AND, each
// `key = value` / `key=value` with value quoted ('…' or "…") or a bare integer; also <, <=, >, >=
// on integers (tx.height). Anything else is a clear error rather than a silent "no results".

export interface Condition {
  key: string;
  op: "=" | "<" | "<=" | ">" | ">=" | "CONTAINS" | "EXISTS";
  value: string;
}

const CONDITION = /^\s*([A-Za-z0-9_.\-/]+)\s*(<=|>=|=|<|>|CONTAINS|EXISTS)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+))?\s*$/;

export function parseQuery(query: string): Condition[] {
  if (typeof query !== "string" || query.trim() === "" || query.length > 2000) throw new Error("query is empty or too long");
  return query.split(/\s+AND\s+/i).map((part) => {
    const match = CONDITION.exec(part);
    if (!match) throw new Error(`cannot parse query condition "${part.trim()}"`);
    const op = match[2] as Condition["op"];
    const value = match[3] ?? match[4] ?? match[5];
    if (value === undefined && op !== "EXISTS") throw new Error(`condition "${part.trim()}" has no value`);
    return { key: match[1] as string, op, value: value ?? "" };
  });
}

/** Whether the indexed attributes (plus tx.hash / tx.height / tm.event) satisfy every condition. */
export function matches(conditions: Condition[], builtins: Record<string, string>, events: AbciEvent[]): boolean {
  return conditions.every((c) => {
    const values: string[] = [];
    if (c.key in builtins) values.push(builtins[c.key] as string);
    else {
      const dot = c.key.lastIndexOf(".");
      const type = c.key.slice(0, dot);
      const attr = c.key.slice(dot + 1);
      for (const e of events) if (e.type === type) for (const a of e.attributes) if (a.key === attr) values.push(a.value);
    }
    return values.some((v) => compare(v, c));
  });
}

function compare(actual: string, c: Condition): boolean {
  switch (c.op) {
    case "=":
      return actual === c.value || unquoteJson(actual) === c.value;
    case "CONTAINS":
      return actual.includes(c.value);
    case "EXISTS":
      return true;
    default: {
      if (!/^-?\d+$/.test(actual) || !/^-?\d+$/.test(c.value)) return false;
      const a = BigInt(actual);
      const b = BigInt(c.value);
      return c.op === "<" ? a < b : c.op === "<=" ? a <= b : c.op === ">" ? a > b : a >= b;
    }
  }
}

/** Typed-event attribute values are JSON ("\"akash1…\""); match them against bare values too. */
function unquoteJson(value: string): string | undefined {
  if (!value.startsWith('"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" ? parsed : undefined;
  } catch {
    return undefined;
  }
}
