import type { Devnet } from "../../../main/devnet/index";

/** The whole chain state as JSON, minus the named tables: to prove a failure changed nothing. */
export function snapshot(devnet: Devnet, exclude: string[] = []): string {
  const store = devnet.node.store;
  const out: Record<string, unknown> = {};
  for (const name of store.tableNames().sort()) {
    if (exclude.includes(name)) continue;
    const table = store.getTable(name);
    if (!table) continue;
    out[name] = [...table.entries()].map(([k, v]) => [k, table.codec.toJSON(v)]);
  }
  return JSON.stringify(out);
}
