import { createServer, type Server } from "node:http";
import { daemonSetObject, nodeObject } from "../../../../main/cluster/stand-in/kube-objects";

// A Kubernetes API on 127.0.0.1 answering the calls the health check makes with realistic objects
// (shapes as a k3s v1.34 node returns them). Tests change `state` to move the node along.

export type { FakeNodeState } from "../../../../main/cluster/stand-in/kube-objects";
import type { FakeNodeState } from "../../../../main/cluster/stand-in/kube-objects";

export interface FakeKubeApi {
  url: string;
  nodes: FakeNodeState[];
  devicePlugin: { desired: number; ready: number } | null;
  requests: string[];
  /** When set, every request answers this status. */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeKubeApi(): Promise<FakeKubeApi> {
  const api: Omit<FakeKubeApi, "url" | "close"> = { nodes: [], devicePlugin: null, requests: [], failWith: null };
  const server: Server = createServer((req, res) => {
    api.requests.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const notFound = (kind: string, name: string) =>
      send(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${kind} "${name}" not found`, reason: "NotFound", details: { name, kind }, code: 404 });
    if (req.headers.authorization !== "Bearer stand-in-admin-token") return send(401, { kind: "Status", apiVersion: "v1", status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 });
    if (api.failWith) return send(api.failWith, { kind: "Status", apiVersion: "v1", status: "Failure", message: "injected", code: api.failWith });
    const path = (req.url ?? "").split("?")[0];
    if (path === "/api/v1/nodes") return send(200, { kind: "NodeList", apiVersion: "v1", metadata: { resourceVersion: "4821" }, items: api.nodes.map(nodeObject) });
    if (path === "/apis/apps/v1/namespaces/kube-system/daemonsets/nvidia-device-plugin-daemonset") {
      if (!api.devicePlugin) return notFound("daemonsets.apps", "nvidia-device-plugin-daemonset");
      return send(200, daemonSetObject(api.devicePlugin));
    }
    notFound("path", path ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
