import type { IncomingMessage } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

// A local stand-in (HTTPS on 127.0.0.1) for the k3s API server: discovery documents, server-side apply (PATCH with
// application/apply-patch+yaml), list with label selectors, get, delete (namespace deletion
// cascades), each answered with objects shaped like the real API server's.

interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
}

const DISCOVERY: Record<string, Resource[]> = {
  "v1": [
    { name: "namespaces", kind: "Namespace", namespaced: false },
    { name: "services", kind: "Service", namespaced: true },
    { name: "secrets", kind: "Secret", namespaced: true },
    { name: "pods", kind: "Pod", namespaced: true },
    { name: "events", kind: "Event", namespaced: true },
  ],
  "apps/v1": [
    { name: "deployments", kind: "Deployment", namespaced: true },
    { name: "statefulsets", kind: "StatefulSet", namespaced: true },
  ],
  "networking.k8s.io/v1": [
    { name: "ingresses", kind: "Ingress", namespaced: true },
    { name: "networkpolicies", kind: "NetworkPolicy", namespaced: true },
  ],
};

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown }; spec?: Record<string, unknown>; status?: Record<string, unknown>; [k: string]: unknown };

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
}

export class FakeKubeApi {
  readonly objects = new Map<string, Obj>();
  readonly requests: RecordedRequest[] = [];
  /** When true, applied workloads report all replicas available (a finished rollout). */
  rollOut = true;
  failNextApply: number | null = null;
  private server: Server | null = null;
  private nextUid = 1;
  private nextNodePort = 30000;

  key(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
    return `${apiVersion}|${kind}|${namespace ?? ""}|${name}`;
  }

  /** Serves HTTPS with the given certificate, like k3s' API server on :6443. */
  async start(tls: { certPem: string; keyPem: string }): Promise<string> {
    this.server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://kube");
        const log = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(url.pathname);
        if (log) {
          this.requests.push({ method: req.method ?? "", path: url.pathname + url.search, contentType: undefined });
          if (!this.objects.has(this.key("v1", "Pod", log[1], log[2]!))) return void res.writeHead(404).end();
          const tail = Number(url.searchParams.get("tailLines") ?? "-1");
          const lines = [`${log[2]} starting`, `${log[2]} listening`, `${log[2]} ready`];
          res.writeHead(200, { "content-type": "text/plain" }).end(lines.slice(tail >= 0 ? -tail : 0).join("\n") + "\n");
          return;
        }
        if (url.searchParams.get("watch") === "true") {
          this.requests.push({ method: "WATCH", path: url.pathname, contentType: undefined });
          const namespace = url.pathname.split("/")[4];
          res.writeHead(200, { "content-type": "application/json" });
          for (const e of this.list("Event", namespace)) res.write(JSON.stringify({ type: "ADDED", object: e }) + "\n");
          return; // stays open, like a real watch, until the client aborts
        }
        const reply = this.handle(req, Buffer.concat(chunks).toString("utf8"));
        res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
      });
    });
    this.attachExec(this.server);
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", () => r()));
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  list(kind: string, namespace?: string): Obj[] {
    return [...this.objects.values()].filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
  }

  private handle(req: IncomingMessage, body: string): { status: number; body: unknown } {
    const url = new URL(req.url ?? "/", "http://kube");
    this.requests.push({ method: req.method ?? "", path: url.pathname, contentType: req.headers["content-type"] });
    const parts = url.pathname.split("/").filter(Boolean);
    // Discovery: /api/v1 or /apis/{group}/{version}
    let groupVersion: string;
    let rest: string[];
    if (parts[0] === "api") {
      groupVersion = parts[1] ?? "";
      rest = parts.slice(2);
    } else if (parts[0] === "apis") {
      groupVersion = `${parts[1]}/${parts[2]}`;
      rest = parts.slice(3);
    } else return { status: 404, body: status(404, "NotFound", "no such path") };
    const resources = DISCOVERY[groupVersion];
    if (!resources) return { status: 404, body: status(404, "NotFound", "unknown group version") };
    if (rest.length === 0) {
      return { status: 200, body: { kind: "APIResourceList", apiVersion: "v1", groupVersion, resources: resources.map((r) => ({ name: r.name, singularName: "", namespaced: r.namespaced, kind: r.kind, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] })) } };
    }
    let namespace: string | undefined;
    if (rest[0] === "namespaces" && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const resource = resources.find((r) => r.name === rest[0]);
    if (!resource) return { status: 404, body: status(404, "NotFound", `unknown resource ${rest[0]}`) };
    const name = rest[1];
    const method = req.method ?? "GET";
    if (method === "GET" && !name) {
      const selector = url.searchParams.get("labelSelector");
      const items = this.list(resource.kind, namespace).filter((o) => matches(o.metadata.labels ?? {}, selector));
      return { status: 200, body: { apiVersion: groupVersion, kind: `${resource.kind}List`, metadata: { resourceVersion: "1" }, items } };
    }
    if (!name) return { status: 405, body: status(405, "MethodNotAllowed", "method not allowed") };
    const key = this.key(groupVersion, resource.kind, namespace, name);
    if (method === "GET") {
      const obj = this.objects.get(key);
      return obj ? { status: 200, body: obj } : { status: 404, body: status(404, "NotFound", `${rest[0]} "${name}" not found`) };
    }
    if (method === "PATCH") {
      if (req.headers["content-type"] !== "application/apply-patch+yaml") return { status: 415, body: status(415, "UnsupportedMediaType", "only server-side apply") };
      if (url.searchParams.get("fieldManager") === null) return { status: 422, body: status(422, "Invalid", "fieldManager is required for apply patch") };
      if (this.failNextApply !== null) {
        const code = this.failNextApply;
        this.failNextApply = null;
        return { status: code, body: status(code, "InternalError", "injected failure") };
      }
      let obj: Obj;
      try {
        obj = JSON.parse(body) as Obj;
      } catch {
        return { status: 400, body: status(400, "BadRequest", "body is not JSON") };
      }
      if (obj.kind !== resource.kind || obj.metadata?.name !== name || (resource.namespaced && obj.metadata.namespace !== namespace)) {
        return { status: 400, body: status(400, "BadRequest", "object does not match the URL") };
      }
      if (resource.namespaced && !this.objects.has(this.key("v1", "Namespace", undefined, namespace!))) {
        return { status: 404, body: status(404, "NotFound", `namespaces "${namespace}" not found`) };
      }
      const previous = this.objects.get(key);
      const generation = ((previous?.metadata.generation as number | undefined) ?? 0) + 1;
      const stored: Obj = { ...obj, metadata: { ...obj.metadata, uid: previous?.metadata.uid ?? `uid-${this.nextUid++}`, generation, resourceVersion: String(this.nextUid++), creationTimestamp: "2026-11-21T00:00:00Z" } };
      this.simulate(stored, generation);
      this.objects.set(key, stored);
      return { status: previous ? 200 : 201, body: stored };
    }
    if (method === "DELETE") {
      if (!this.objects.delete(key)) return { status: 404, body: status(404, "NotFound", `${rest[0]} "${name}" not found`) };
      if (resource.kind === "Namespace") for (const [k, o] of this.objects) if (o.metadata.namespace === name) this.objects.delete(k);
      return { status: 200, body: status(200, "Success", "deleted") };
    }
    return { status: 405, body: status(405, "MethodNotAllowed", "method not allowed") };
  }

  /** Exec over WebSocket (v4.channel.k8s.io): stdout on channel 1, stderr 2, status 3; stdin 0. */
  private attachExec(server: Server): void {
    const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has("v4.channel.k8s.io") ? "v4.channel.k8s.io" : false) });
    server.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://kube");
      const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
      if (!m || !this.objects.has(this.key("v1", "Pod", m[1], m[2]!))) {
        socket.end("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        return;
      }
      this.requests.push({ method: "EXEC", path: url.pathname + url.search, contentType: undefined });
      wss.handleUpgrade(req, socket, head, (ws) => {
        const command = url.searchParams.getAll("command");
        const frame = (channel: number, text: string) => ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
        frame(1, `ran ${command.join(" ")}`);
        const finish = (code: number) => {
          const status = code === 0 ? { metadata: {}, status: "Success" } : { metadata: {}, status: "Failure", message: `command terminated with non-zero exit code: ${code}`, reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: String(code) }] } };
          frame(3, JSON.stringify(status));
          ws.close();
        };
        if (url.searchParams.get("stdin") !== "true") return finish(0);
        ws.on("message", (data: Buffer) => {
          if (data[0] === 4) this.resizes.push(data.subarray(1).toString());
          if (data[0] !== 0 || data.byteLength < 2) return;
          this.stdin.push(data.subarray(1).toString());
          frame(2, "got stdin");
          finish(3);
        });
      });
    });
  }

  readonly stdin: string[] = [];
  readonly resizes: string[] = [];

  /** What controllers would fill in: rollout status, pods, events, allocated node ports. */
  private simulate(obj: Obj, generation: number): void {
    if (obj.kind === "Deployment" || obj.kind === "StatefulSet") {
      const replicas = (obj.spec?.replicas as number | undefined) ?? 1;
      const ready = this.rollOut ? replicas : 0;
      obj.status = { observedGeneration: generation, replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready };
      const template = obj.spec?.template as { metadata: { labels: Record<string, string> }; spec: { containers: { name: string }[] } };
      const namespace = obj.metadata.namespace!;
      for (let i = 0; i < replicas; i++) {
        const name = `${obj.metadata.name}-${i}`;
        this.objects.set(this.key("v1", "Pod", namespace, name), { apiVersion: "v1", kind: "Pod", metadata: { name, namespace, labels: template.metadata.labels }, spec: { containers: template.spec.containers }, status: { phase: ready ? "Running" : "Pending" } });
        const event = `${name}.scheduled`;
        this.objects.set(this.key("v1", "Event", namespace, event), { apiVersion: "v1", kind: "Event", metadata: { name: event, namespace }, type: "Normal", reason: "Scheduled", message: `Successfully assigned ${namespace}/${name}`, involvedObject: { kind: "Pod", namespace, name }, source: { component: "default-scheduler" }, reportingComponent: "default-scheduler" });
      }
    }
    if (obj.kind === "Service" && obj.spec?.type === "NodePort") {
      obj.spec = { ...obj.spec, ports: (obj.spec.ports as { nodePort?: number }[]).map((p) => ({ ...p, nodePort: p.nodePort ?? this.nextNodePort++ })) };
    }
  }
}

function matches(labels: Record<string, string>, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const [k, v] = term.split("=");
    return v === undefined ? k! in labels : labels[k!] === v;
  });
}

function status(code: number, reason: string, message: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: code < 400 ? "Success" : "Failure", message, reason, code };
}
