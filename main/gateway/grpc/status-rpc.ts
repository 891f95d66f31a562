import { createSecureServer, constants, type Http2Server, type ServerHttp2Stream, type IncomingHttpHeaders } from "node:http2";
import type { AddressInfo } from "node:net";
import { Status } from "@akashnetwork/chain-sdk/private-types/provider.akash.v1";
import type { TimerPort } from "../ports";
import { frame, GRPC, MAX_GRPC_MESSAGE, unframe } from "./grpc-frames";

// `akash.provider.v1.ProviderRPC` on :8444, the service Akash Console polls to show a provider
// online with its capacity: GetStatus (unary) and StreamStatus (server streaming), gRPC over
// HTTP/2 + TLS 1.3 with the provider certificate. Messages are chain-sdk's generated types.
// BidScreening stays UNIMPLEMENTED, as in provider-services.

/** What Status.fromPartial accepts: the provider's status in chain-sdk's message shape. */
export type ProviderStatusMessage = Parameters<typeof Status.fromPartial>[0];

export interface StatusRpcDeps {
  tls: { certPem: string; keyPem: string };
  host?: string;
  /** 8444 in production; 0 in tests. */
  port?: number;
  status: () => Promise<ProviderStatusMessage>;
  timers: TimerPort;
  /** How often StreamStatus pushes a fresh status. */
  streamIntervalMs?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface RunningStatusRpc {
  port: number;
  close(): Promise<void>;
}

const SERVICE = "/akash.provider.v1.ProviderRPC/";

function fail(stream: ServerHttp2Stream, code: number, message: string): void {
  if (stream.headersSent || stream.destroyed) return;
  stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-status": String(code), "grpc-message": encodeURIComponent(message) }, { endStream: true });
}

function readAll(stream: ServerHttp2Stream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (c: Buffer) => {
      size += c.byteLength;
      if (size > MAX_GRPC_MESSAGE + 5) {
        reject(new Error("request too large"));
        stream.removeAllListeners("data");
        return;
      }
      chunks.push(c);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

async function encodeStatus(deps: StatusRpcDeps): Promise<Buffer> {
  return frame(Status.encode(Status.fromPartial(await deps.status())).finish());
}

export async function startStatusRpc(deps: StatusRpcDeps): Promise<RunningStatusRpc> {
  const interval = deps.streamIntervalMs ?? 10_000;
  const server: Http2Server = createSecureServer({ cert: deps.tls.certPem, key: deps.tls.keyPem, minVersion: "TLSv1.3", allowHTTP1: false });
  const streams = new Set<ServerHttp2Stream>();
  const sessions = new Set<import("node:http2").ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });

  server.on("stream", (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    stream.on("error", () => {});
    void (async () => {
      const path = String(headers[constants.HTTP2_HEADER_PATH] ?? "");
      const contentType = String(headers["content-type"] ?? "");
      if (headers[constants.HTTP2_HEADER_METHOD] !== "POST" || !contentType.startsWith("application/grpc")) {
        if (!stream.headersSent) stream.respond({ ":status": 415 }, { endStream: true });
        return;
      }
      if (!path.startsWith(SERVICE)) return fail(stream, GRPC.UNIMPLEMENTED, `unknown service ${path}`);
      const method = path.slice(SERVICE.length);
      let body: Buffer;
      try {
        body = await readAll(stream);
        unframe(body);
      } catch (error) {
        return fail(stream, GRPC.INVALID_ARGUMENT, (error as Error).message);
      }
      if (method === "GetStatus") {
        let message: Buffer;
        try {
          message = await encodeStatus(deps);
        } catch (error) {
          deps.log?.("status-rpc.error", { error: String(error) });
          return fail(stream, GRPC.INTERNAL, "status unavailable");
        }
        stream.respond({ ":status": 200, "content-type": "application/grpc+proto" }, { waitForTrailers: true });
        stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
        stream.end(message);
        return;
      }
      if (method === "StreamStatus") {
        stream.respond({ ":status": 200, "content-type": "application/grpc+proto" }, { waitForTrailers: true });
        stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
        streams.add(stream);
        let handle: unknown = null;
        const push = async () => {
          if (stream.destroyed || stream.closed) return;
          try {
            stream.write(await encodeStatus(deps));
          } catch (error) {
            deps.log?.("status-rpc.error", { error: String(error) });
          }
          if (!stream.destroyed) handle = deps.timers.set(interval, () => void push());
        };
        stream.on("close", () => {
          streams.delete(stream);
          if (handle !== null) deps.timers.clear(handle);
        });
        await push();
        return;
      }
      return fail(stream, GRPC.UNIMPLEMENTED, `method ${method} is not implemented`);
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port ?? 8444, deps.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of streams) s.close(constants.NGHTTP2_CANCEL);
      // Clients keep HTTP/2 sessions open for reuse; closing the server must not wait for them.
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
