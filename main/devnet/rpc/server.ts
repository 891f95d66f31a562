import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { BlockRecord } from "../state/block-store";
import { matches, parseQuery, type Condition } from "./event-query";
import { methods, RpcError, type Params, type RpcNode } from "./methods";
import { blockId, blockJson, blockResultsJson, header, txResultJson } from "./shapes";

const MAX_BODY = 2 * 1024 * 1024;
const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

interface Subscription {
  query: string;
  conditions: Condition[];
  eventType: string;
  id: unknown;
}

export interface RpcServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A CometBFT-compatible RPC endpoint: URI (GET) and JSON-RPC (POST) over HTTP, JSON-RPC over /websocket. */
export async function startRpcServer(node: RpcNode, port = 0, extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<RpcServer> {
  const server: Server = createServer((req, res) => {
    if (extraRoutes?.(req, res)) return;
    handleHttp(node, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorResponse(-1, new RpcError(-32603, "Internal error", String(error))));
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const sockets = new Map<WebSocket, Subscription[]>();

  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/websocket") {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, []);
      ws.on("message", (raw) => handleWsMessage(node, ws, String(raw), sockets.get(ws) ?? []));
      ws.on("close", () => sockets.delete(ws));
      ws.on("error", () => sockets.delete(ws));
    });
  });

  const stopListening = node.producer.onBlock((block) => {
    for (const [ws, subs] of sockets) for (const sub of subs) for (const message of eventsFor(node, sub, block)) ws.send(JSON.stringify(message));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: async () => {
      stopListening();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleHttp(node: RpcNode, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET") {
    const name = url.pathname.replace(/^\//, "");
    if (name === "") {
      sendJson(res, 200, { endpoints: Object.keys(methods) });
      return;
    }
    const params: Params = {};
    for (const [key, value] of url.searchParams) params[key] = unquote(value);
    sendJson(res, 200, call(node, { jsonrpc: "2.0", id: -1, method: name, params }));
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405).end();
    return;
  }
  const body = await readBody(req);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    sendJson(res, 200, errorResponse(null, new RpcError(-32700, "Parse error", "invalid JSON")));
    return;
  }
  if (Array.isArray(parsed)) sendJson(res, 200, parsed.slice(0, 100).map((item) => call(node, item as JsonRpcRequest)));
  else sendJson(res, 200, call(node, parsed as JsonRpcRequest));
}

function call(node: RpcNode, request: JsonRpcRequest): unknown {
  const id = request?.id ?? null;
  if (!request || typeof request !== "object" || typeof request.method !== "string") {
    return errorResponse(id, new RpcError(-32600, "Invalid Request", "method is required"));
  }
  const method = methods[request.method];
  if (!method) return errorResponse(id, new RpcError(-32601, "Method not found", request.method));
  const params = request.params && typeof request.params === "object" && !Array.isArray(request.params) ? (request.params as Params) : {};
  try {
    return { jsonrpc: "2.0", id, result: method(node, params) };
  } catch (error) {
    return errorResponse(id, error instanceof RpcError ? error : new RpcError(-32603, "Internal error", error instanceof Error ? error.message : String(error)));
  }
}

function handleWsMessage(node: RpcNode, ws: WebSocket, raw: string, subs: Subscription[]): void {
  let request: JsonRpcRequest;
  try {
    request = JSON.parse(raw) as JsonRpcRequest;
  } catch {
    ws.send(JSON.stringify(errorResponse(null, new RpcError(-32700, "Parse error", "invalid JSON"))));
    return;
  }
  const params = (request?.params && typeof request.params === "object" ? request.params : {}) as Params;
  const id = request?.id ?? null;
  if (request?.method === "subscribe") {
    const query = typeof params.query === "string" ? params.query : "";
    try {
      const conditions = parseQuery(query);
      const eventType = conditions.find((c) => c.key === "tm.event" && c.op === "=")?.value;
      if (!eventType || !["NewBlock", "NewBlockHeader", "Tx", "NewBlockEvents"].includes(eventType)) throw new Error(`unsupported subscription "${query}"`);
      if (subs.length >= MAX_SUBSCRIPTIONS_PER_SOCKET) throw new Error("too many subscriptions");
      if (subs.some((s) => s.query === query)) throw new Error("already subscribed");
      subs.push({ query, conditions, eventType, id });
      ws.send(JSON.stringify({ jsonrpc: "2.0", id, result: {} }));
    } catch (error) {
      ws.send(JSON.stringify(errorResponse(id, new RpcError(-32603, "Internal error", error instanceof Error ? error.message : String(error)))));
    }
    return;
  }
  if (request?.method === "unsubscribe" || request?.method === "unsubscribe_all") {
    const query = params.query;
    for (let i = subs.length - 1; i >= 0; i--) if (request.method === "unsubscribe_all" || subs[i]?.query === query) subs.splice(i, 1);
    ws.send(JSON.stringify({ jsonrpc: "2.0", id, result: {} }));
    return;
  }
  ws.send(JSON.stringify(call(node, request)));
}

function eventsFor(node: RpcNode, sub: Subscription, block: BlockRecord): unknown[] {
  const previous = node.producer.blocks.get(block.height - 1);
  const others = sub.conditions.filter((c) => c.key !== "tm.event");
  const message = (type: string, value: unknown, events: Record<string, string[]>) => ({
    jsonrpc: "2.0",
    id: sub.id,
    result: { query: sub.query, data: { type: `tendermint/event/${type}`, value }, events: { ...events, "tm.event": [type] } },
  });
  switch (sub.eventType) {
    case "NewBlockHeader":
      return [message("NewBlockHeader", { header: header(block, node.chainId, previous, node.validators[0]?.address ?? "") }, {})];
    case "NewBlock": {
      const full = blockJson(block, node.chainId, previous, node.validators);
      return [message("NewBlock", { block: full.block, block_id: blockId(block), result_finalize_block: blockResultsJson(block) }, {})];
    }
    case "NewBlockEvents":
      return [message("NewBlockEvents", { height: String(block.height), events: blockResultsJson(block).finalize_block_events, num_txs: String(block.txs.length) }, {})];
    case "Tx":
      return block.txHashes.flatMap((hash, index) => {
        const result = block.results[index];
        if (!result || !matches(others, { "tx.hash": hash, "tx.height": String(block.height) }, result.events)) return [];
        const value = { TxResult: { height: String(block.height), index, tx: block.txs[index], result: txResultJson(result) } };
        return [message("Tx", value, { "tx.hash": [hash], "tx.height": [String(block.height)] })];
      });
    default:
      return [];
  }
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1);
  return value;
}

function errorResponse(id: unknown, error: RpcError) {
  return { jsonrpc: "2.0", id, error: { code: error.code, message: error.message, data: error.data } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
