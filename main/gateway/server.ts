import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { LeaseId } from "../../common/gateway-schemas";
import type { TenantIdentity } from "./auth/identity";
import { authorize } from "./auth/authorize";
import type { AccessScope } from "./auth/scopes";
import { authenticate } from "./authenticate";
import { DEFAULT_LIMITS, type GatewayDeps, type GatewayLimits } from "./gateway-deps";
import { GatewayHttpError } from "./http-error";
import { ownLease } from "./lease-access";
import { acceptManifest } from "./manifest-handler";
import { ManifestTimeouts, MANIFEST_TIMEOUT_MS } from "./manifest-timeout";
import { RateLimiter } from "./rate-limiter";
import { readBody } from "./read-body";
import { matchRoute, type Route } from "./routes";
import { shell, streamEvents, streamLogs } from "./ws-streams";

export interface RunningGateway {
  port: number;
  /** Start the manifest clock for a lease just won; stop it when the lease closes. */
  timeouts: ManifestTimeouts;
  /** The lease closed on chain: stop waiting for its manifest and forget the one we had. */
  leaseClosed(lease: LeaseId): void;
  close(): Promise<void>;
}

const SCOPE: Record<string, AccessScope> = {
  status: "status",
  manifest: "get-manifest",
  kubeevents: "events",
  logs: "logs",
  shell: "shell",
};

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  const text = `${message}\n`;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
}

function remoteKey(req: IncomingMessage): string {
  return `ip:${req.socket.remoteAddress ?? "unknown"}`;
}

/** The tenant-facing HTTPS gateway (provider-services' :8443 API), TLS 1.3 with the provider's cert. */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const limiter = new RateLimiter(deps.clock, limits.burst, limits.perSecond);
  const timeouts = new ManifestTimeouts(deps.timers, deps.bids, (lease, error) => deps.log?.("manifest.timeout.close-failed", { lease, error: String(error) }), deps.manifestTimeoutMs ?? MANIFEST_TIMEOUT_MS);
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxWsMessageBytes });

  async function tenant(req: IncomingMessage): Promise<TenantIdentity> {
    const identity = await authenticate(req, deps.clock, deps.chain, deps.providerAddress);
    if (!limiter.take(`tenant:${identity.owner}`)) throw new GatewayHttpError(429, "too many requests");
    return identity;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, route: Route): Promise<void> {
    switch (route.kind) {
      case "version":
        return send(res, 200, await deps.info.version());
      case "address":
        return send(res, 200, { address: deps.providerAddress });
      case "status":
        return send(res, 200, await deps.info.status());
      case "manifest-put": {
        const identity = await tenant(req);
        authorize(identity, "send-manifest", { dseq: route.dseq });
        const body = await readBody(req, limits.maxBodyBytes);
        await acceptManifest(deps, timeouts, identity, route.dseq, body);
        return send(res, 200, undefined);
      }
      case "service-status": {
        const identity = await tenant(req);
        authorize(identity, "status", { dseq: route.dseq, gseq: route.gseq, oseq: route.oseq, service: route.service });
        const lease = await ownLease(identity, deps.chain, deps.providerAddress, route.dseq, route.gseq, route.oseq);
        const status = await deps.cluster.leaseStatus(lease);
        const service = status?.services[route.service];
        if (!service) throw new GatewayHttpError(404, "service not found");
        return send(res, 200, service);
      }
      case "lease": {
        const identity = await tenant(req);
        authorize(identity, SCOPE[route.action]!, { dseq: route.dseq, gseq: route.gseq, oseq: route.oseq });
        const lease = await ownLease(identity, deps.chain, deps.providerAddress, route.dseq, route.gseq, route.oseq);
        if (route.action === "status") {
          const status = await deps.cluster.leaseStatus(lease);
          if (!status) throw new GatewayHttpError(404, "lease has no deployment yet: no manifest received");
          return send(res, 200, status);
        }
        if (route.action === "manifest") {
          const group = deps.manifests.group(lease);
          if (!group) throw new GatewayHttpError(404, "no manifest received for this lease");
          return send(res, 200, group);
        }
        throw new GatewayHttpError(400, "this route needs a WebSocket upgrade");
      }
    }
  }

  const server: Server = createServer(
    {
      cert: deps.tls.certPem,
      key: deps.tls.keyPem,
      minVersion: "TLSv1.3",
      // Ask for a tenant certificate but let the handshake finish without one: JWT tenants have
      // none, and mTLS certificates are self-signed and checked against the chain per request.
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const started = deps.clock.now();
      void (async () => {
        try {
          if (!limiter.take(remoteKey(req))) throw new GatewayHttpError(429, "too many requests");
          const url = new URL(req.url ?? "/", "https://gateway.invalid");
          const route = matchRoute(req.method ?? "GET", url.pathname);
          if (!route) throw new GatewayHttpError(404, "not found");
          await handle(req, res, route);
        } catch (error) {
          if (error instanceof GatewayHttpError) sendError(res, error.status, error.message);
          else {
            deps.log?.("gateway.error", { path: req.url, error: String(error) });
            sendError(res, 500, "internal error");
          }
        } finally {
          deps.log?.("gateway.request", { method: req.method, path: req.url, status: res.statusCode, ms: deps.clock.now() - started });
        }
      })();
    },
  );
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      try {
        if (!limiter.take(remoteKey(req))) throw new GatewayHttpError(429, "too many requests");
        const url = new URL(req.url ?? "/", "https://gateway.invalid");
        const route = matchRoute("GET", url.pathname);
        if (!route || route.kind !== "lease" || !["logs", "kubeevents", "shell"].includes(route.action)) throw new GatewayHttpError(404, "not found");
        const identity = await tenant(req);
        authorize(identity, SCOPE[route.action]!, { dseq: route.dseq, gseq: route.gseq, oseq: route.oseq, service: url.searchParams.get("service") ?? undefined });
        const lease = await ownLease(identity, deps.chain, deps.providerAddress, route.dseq, route.gseq, route.oseq);
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (route.action === "logs") streamLogs(ws, deps.cluster, lease, url.searchParams);
          else if (route.action === "kubeevents") streamEvents(ws, deps.cluster, lease, url.searchParams);
          else shell(ws, deps.cluster, lease, url.searchParams);
        });
      } catch (error) {
        const status = error instanceof GatewayHttpError ? error.status : 500;
        const message = error instanceof GatewayHttpError ? error.message : "internal error";
        socket.end(`HTTP/1.1 ${status} ${message.replace(/[\r\n]/g, " ")}\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(message)}\r\nconnection: close\r\n\r\n${message}`);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port ?? 8443, deps.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    timeouts,
    leaseClosed: (lease) => {
      timeouts.settle(lease);
      deps.manifests.forget(lease);
    },
    close: async () => {
      timeouts.stop();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
