import type { WebSocket } from "ws";
import type { LeaseId } from "../../common/gateway-schemas";
import type { GatewayClusterPort, StreamHandle } from "./ports";

// The WebSocket routes with provider-services' framing: logs and kube events are JSON text
// messages; shell is binary frames whose first byte names the stream.

export const SHELL_STDOUT = 100;
export const SHELL_STDERR = 101;
export const SHELL_RESULT = 102;
export const SHELL_FAILURE = 103;
export const SHELL_STDIN = 104;
export const SHELL_RESIZE = 105;

function flag(query: URLSearchParams, name: string): boolean {
  const v = query.get(name);
  return v === "true" || v === "1";
}

/** Stops the stream when the tenant goes away; closes the socket when the stream ends. */
function bind(ws: WebSocket, start: Promise<StreamHandle>): void {
  let handle: StreamHandle | null = null;
  let closed = false;
  ws.on("close", () => {
    closed = true;
    handle?.close();
  });
  start.then(
    (h) => {
      handle = h;
      if (closed) h.close();
    },
    (error: Error) => ws.close(1011, error.message.slice(0, 100)),
  );
}

function end(ws: WebSocket) {
  return (error?: Error) => ws.close(error ? 1011 : 1000, error ? error.message.slice(0, 100) : "");
}

export function streamLogs(ws: WebSocket, cluster: GatewayClusterPort, lease: LeaseId, query: URLSearchParams): void {
  const tailRaw = query.get("tail");
  const tail = tailRaw !== null && /^-?\d{1,9}$/.test(tailRaw) ? Number(tailRaw) : -1;
  const services = (query.get("service") ?? "").split(",").filter((s) => s.length > 0);
  bind(ws, cluster.logs(lease, { follow: flag(query, "follow"), tail, services }, (line) => ws.send(JSON.stringify(line)), end(ws)));
}

export function streamEvents(ws: WebSocket, cluster: GatewayClusterPort, lease: LeaseId, query: URLSearchParams): void {
  bind(ws, cluster.events(lease, { follow: flag(query, "follow") }, (event) => ws.send(JSON.stringify(event)), end(ws)));
}

function frame(code: number, data: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([code]), data]);
}

export function shell(ws: WebSocket, cluster: GatewayClusterPort, lease: LeaseId, query: URLSearchParams): void {
  const command: string[] = [];
  for (let i = 0; i < 64 && query.has(`cmd${i}`); i++) command.push(query.get(`cmd${i}`)!);
  const service = query.get("service") ?? "";
  const podIndex = Number(query.get("podIndex") ?? "0");
  if (command.length === 0 || !service || !Number.isInteger(podIndex) || podIndex < 0) {
    ws.send(frame(SHELL_FAILURE, Buffer.from("missing cmd0, service or podIndex")));
    ws.close(1000);
    return;
  }
  const session = cluster.exec(
    lease,
    { service, podIndex, command, tty: flag(query, "tty"), stdin: flag(query, "stdin") },
    {
      stdout: (d) => ws.send(frame(SHELL_STDOUT, d)),
      stderr: (d) => ws.send(frame(SHELL_STDERR, d)),
      done: ({ exitCode, message }) => {
        ws.send(frame(SHELL_RESULT, Buffer.from(JSON.stringify({ exit_code: exitCode, message }))));
        ws.close(1000);
      },
    },
  );
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.byteLength === 0) return;
    void session.then((s) => {
      if (data[0] === SHELL_STDIN) s.stdin(data.subarray(1));
      else if (data[0] === SHELL_RESIZE) {
        try {
          const size = JSON.parse(data.subarray(1).toString("utf8")) as { width?: unknown; height?: unknown };
          if (Number.isInteger(size.width) && Number.isInteger(size.height)) s.resize(size.width as number, size.height as number);
        } catch {
          // A garbled resize is ignored; the session goes on.
        }
      }
    }, () => {});
  });
  session.catch((error: Error) => {
    ws.send(frame(SHELL_FAILURE, Buffer.from(error.message)));
    ws.close(1000);
  });
  bind(ws, session);
}
