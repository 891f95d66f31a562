import { fromBase64, fromHex, toBase64 } from "@cosmjs/encoding";
import type { ChainApp } from "../chain/app";
import type { BlockProducer } from "../chain/block-producer";
import type { BlockRecord } from "../state/block-store";
import { matches, parseQuery } from "./event-query";
import { blockJson, blockResultsJson, header, txJson, validatorJson, type ValidatorIdentity } from "./shapes";

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: string,
  ) {
    super(message);
  }
}

export const invalidParams = (data: string) => new RpcError(-32602, "Invalid params", data);
const internal = (data: string) => new RpcError(-32603, "Internal error", data);

export interface RpcNode {
  chainId: string;
  app: ChainApp;
  producer: BlockProducer;
  validators: ValidatorIdentity[];
  nodeId: string;
  moniker: string;
  rpcAddress: () => string;
}

export type Params = Record<string, unknown>;
export type Method = (node: RpcNode, params: Params) => unknown;

function str(params: Params, name: string, required = true): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") {
    if (required) throw invalidParams(`missing parameter "${name}"`);
    return undefined;
  }
  if (typeof value !== "string" && typeof value !== "number") throw invalidParams(`parameter "${name}" must be a string`);
  return String(value);
}

/** Byte parameters: 0x-hex (URI form) or the JSON-RPC encoding Comet uses for that field. */
function bytes(params: Params, name: string, jsonEncoding: "hex" | "base64", required = true): Uint8Array {
  const value = str(params, name, required);
  if (value === undefined) return new Uint8Array();
  try {
    if (value.startsWith("0x") || value.startsWith("0X")) return fromHex(value.slice(2));
    return jsonEncoding === "hex" ? fromHex(value) : fromBase64(value);
  } catch {
    throw invalidParams(`parameter "${name}" is not valid ${jsonEncoding}`);
  }
}

function int(params: Params, name: string): number | undefined {
  const value = str(params, name, false);
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw invalidParams(`parameter "${name}" must be a non-negative integer`);
  return Number(value);
}

function blockAt(node: RpcNode, params: Params): BlockRecord {
  const latest = node.producer.height;
  const height = int(params, "height") || latest;
  if (height > latest) throw internal(`height ${height} must be less than or equal to the current blockchain height ${latest}`);
  const block = node.producer.blocks.get(height);
  if (!block) throw internal(`height ${height} is not available, lowest height is ${node.producer.blocks.earliestHeight}`);
  return block;
}

function latestBlock(node: RpcNode): BlockRecord {
  const block = node.producer.blocks.latest();
  if (!block) throw internal("no blocks yet");
  return block;
}

export const methods: Record<string, Method> = {
  health: () => ({}),

  status: (node) => {
    const latest = latestBlock(node);
    const earliest = node.producer.blocks.get(node.producer.blocks.earliestHeight) ?? latest;
    const self = node.validators[0];
    return {
      node_info: {
        protocol_version: { p2p: "8", block: "11", app: "0" },
        id: node.nodeId,
        listen_addr: "tcp://127.0.0.1:26656",
        network: node.chainId,
        version: "0.38.17",
        channels: "40202122233038606100",
        moniker: node.moniker,
        other: { tx_index: "on", rpc_address: node.rpcAddress() },
      },
      sync_info: {
        latest_block_hash: latest.hash,
        latest_app_hash: latest.appHash,
        latest_block_height: String(latest.height),
        latest_block_time: latest.time,
        earliest_block_hash: earliest.hash,
        earliest_app_hash: earliest.appHash,
        earliest_block_height: String(earliest.height),
        earliest_block_time: earliest.time,
        catching_up: false,
      },
      validator_info: self ? validatorJson(self) : undefined,
    };
  },

  abci_info: (node) => {
    const latest = latestBlock(node);
    return {
      response: { data: "akash", version: "v2.1.0-devnet", app_version: "0", last_block_height: String(latest.height), last_block_app_hash: toBase64(fromHex(latest.appHash)) },
    };
  },

  abci_query: (node, params) => {
    const path = str(params, "path") as string;
    const data = bytes(params, "data", "hex", false);
    const height = node.producer.height;
    const result = node.app.query(path, data, height);
    return {
      response: {
        code: result.code,
        log: result.log,
        info: "",
        index: "0",
        key: null,
        value: result.code === 0 ? toBase64(result.value) : null,
        proofOps: null,
        height: String(height),
        codespace: result.codespace,
      },
    };
  },

  broadcast_tx_sync: (node, params) => {
    const tx = bytes(params, "tx", "base64");
    const { hash, result } = node.app.checkTx(tx);
    return { code: result.code, data: toBase64(result.data), log: result.log, codespace: result.codespace, hash };
  },

  broadcast_tx_async: (node, params) => methods.broadcast_tx_sync?.(node, params),

  tx: (node, params) => {
    const hash = bytes(params, "hash", "base64");
    const hex = Buffer.from(hash).toString("hex").toUpperCase();
    const location = node.producer.blocks.locateTx(hex);
    const block = location && node.producer.blocks.get(location.height);
    if (!location || !block) throw internal(`tx (${hex}) not found`);
    return txJson(block, location.index);
  },

  tx_search: (node, params) => {
    const query = str(params, "query") as string;
    let conditions;
    try {
      conditions = parseQuery(query);
    } catch (error) {
      throw internal(error instanceof Error ? error.message : String(error));
    }
    const page = int(params, "page") ?? 1;
    const perPage = Math.min(Math.max(int(params, "per_page") ?? 30, 1), 100);
    const desc = str(params, "order_by", false) === "desc";
    const found: Array<{ block: BlockRecord; index: number }> = [];
    const byHash = conditions.find((c) => c.key === "tx.hash" && c.op === "=");
    const byHeight = conditions.find((c) => c.key === "tx.height" && c.op === "=");
    const consider = (block: BlockRecord, index: number) => {
      const builtins = { "tx.hash": block.txHashes[index] ?? "", "tx.height": String(block.height) };
      if (matches(conditions, builtins, block.results[index]?.events ?? [])) found.push({ block, index });
    };
    if (byHash) {
      const location = node.producer.blocks.locateTx(byHash.value.toUpperCase());
      const block = location && node.producer.blocks.get(location.height);
      if (location && block) consider(block, location.index);
    } else if (byHeight) {
      const block = node.producer.blocks.get(Number(byHeight.value));
      if (block) block.txHashes.forEach((_, i) => consider(block, i));
    } else {
      // Event queries scan the recent blocks only (bounded work per request).
      const latest = node.producer.height;
      for (let h = Math.max(1, latest - 2_000); h <= latest; h++) {
        const block = node.producer.blocks.get(h);
        if (block) block.txHashes.forEach((_, i) => consider(block, i));
      }
    }
    if (desc) found.reverse();
    const slice = found.slice((page - 1) * perPage, page * perPage);
    return { txs: slice.map(({ block, index }) => txJson(block, index)), total_count: String(found.length) };
  },

  block: (node, params) => {
    const block = blockAt(node, params);
    return blockJson(block, node.chainId, node.producer.blocks.get(block.height - 1), node.validators);
  },

  header: (node, params) => {
    const block = blockAt(node, params);
    return { header: header(block, node.chainId, node.producer.blocks.get(block.height - 1), node.validators[0]?.address ?? "") };
  },

  block_results: (node, params) => blockResultsJson(blockAt(node, params)),

  validators: (node, params) => {
    const block = blockAt(node, params);
    return {
      block_height: String(block.height),
      validators: node.validators.map(validatorJson),
      count: String(node.validators.length),
      total: String(node.validators.length),
    };
  },

  num_unconfirmed_txs: (node) => ({ n_txs: String(node.app.mempool.length), total: String(node.app.mempool.length), total_bytes: String(node.app.mempool.reduce((s, p) => s + p.tx.raw.length, 0)), txs: null }),
};
