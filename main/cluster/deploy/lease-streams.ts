import { Writable, PassThrough } from "node:stream";
import type { KubeConfig, KubernetesObject, KubernetesObjectApi, V1Status } from "@kubernetes/client-node";
import { k8s } from "../kube/k8s-module";
import type { LeaseId } from "../../../common/gateway-schemas";
import type { ExecIo, ExecSession, KubeEvent, LogLine, StreamHandle } from "../../gateway/ports";
import { leaseNamespace } from "../builder";
import { leasePods } from "./lease-pods";

// Logs, events and exec for the gateway's WebSocket routes, from the Kubernetes API.

/** Splits a byte stream into lines; the last partial line is flushed at the end. */
function lineSink(onLine: (line: string) => void): Writable & { flush(): void } {
  let pending = "";
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) onLine(l);
      done();
    },
  }) as Writable & { flush(): void };
  w.flush = () => {
    if (pending) onLine(pending);
    pending = "";
  };
  return w;
}

export async function streamLeaseLogs(
  config: KubeConfig,
  api: KubernetesObjectApi,
  lease: LeaseId,
  options: { follow: boolean; tail: number; services: string[] },
  sink: (line: LogLine) => void,
  end: (error?: Error) => void,
): Promise<StreamHandle> {
  const pods = await leasePods(api, lease, options.services);
  if (pods.length === 0) {
    end();
    return { close: () => {} };
  }
  const log = new (await k8s()).Log(config);
  const controllers: AbortController[] = [];
  let open = pods.length;
  let failed: Error | undefined;
  const finish = (error?: Error) => {
    failed ??= error;
    if (--open === 0) end(failed);
  };
  for (const pod of pods) {
    const out = lineSink((message) => sink({ name: pod.name, message }));
    // client-node pipes the response into `out`: the stream finishing is the end of the log.
    out.on("finish", () => {
      out.flush();
      finish();
    });
    out.on("error", (error) => finish(error));
    try {
      controllers.push(await log.log(leaseNamespace(lease), pod.name, pod.container, out, { follow: options.follow, tailLines: options.tail >= 0 ? options.tail : undefined }));
    } catch (error) {
      finish(new Error(`logs of ${pod.name}: ${(error as Error).message}`));
    }
  }
  return { close: () => controllers.forEach((c) => c.abort()) };
}

interface EventLike extends KubernetesObject {
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  involvedObject?: { kind?: string; namespace?: string; name?: string };
  reportingComponent?: string;
  reportingInstance?: string;
  source?: { component?: string; host?: string };
}

function toKubeEvent(e: EventLike, lease: LeaseId): KubeEvent {
  return {
    type: e.type ?? "",
    reason: e.reason ?? "",
    note: e.message ?? e.note ?? "",
    reportingController: e.reportingComponent || e.source?.component || "",
    reportingInstance: e.reportingInstance || e.source?.host || "",
    object: { kind: e.involvedObject?.kind ?? "", namespace: e.involvedObject?.namespace ?? "", name: e.involvedObject?.name ?? "" },
    lease_id: lease,
  };
}

export async function streamLeaseEvents(
  config: KubeConfig,
  api: KubernetesObjectApi,
  lease: LeaseId,
  options: { follow: boolean },
  sink: (event: KubeEvent) => void,
  end: (error?: Error) => void,
): Promise<StreamHandle> {
  const namespace = leaseNamespace(lease);
  if (!options.follow) {
    const list = await api.list<EventLike>("v1", "Event", namespace);
    for (const e of list.items) sink(toKubeEvent(e, lease));
    end();
    return { close: () => {} };
  }
  const controller = await new (await k8s()).Watch(config).watch(
    `/api/v1/namespaces/${namespace}/events`,
    {},
    (phase, obj: EventLike) => {
      if (phase === "ADDED" || phase === "MODIFIED") sink(toKubeEvent(obj, lease));
    },
    (error: unknown) => end(error ? new Error(String((error as Error)?.message ?? error)) : undefined),
  );
  return { close: () => controller.abort() };
}

function exitCode(status: V1Status): number {
  if (status.status === "Success") return 0;
  const cause = status.details?.causes?.find((c) => c.reason === "ExitCode");
  const code = cause?.message !== undefined ? Number(cause.message) : NaN;
  return Number.isInteger(code) ? code : 1;
}

export async function execInLease(
  config: KubeConfig,
  api: KubernetesObjectApi,
  lease: LeaseId,
  options: { service: string; podIndex: number; command: string[]; tty: boolean; stdin: boolean },
  io: ExecIo,
): Promise<ExecSession> {
  const pods = await leasePods(api, lease, [options.service]);
  const pod = pods[options.podIndex];
  if (!pod) throw new Error(`no pod ${options.podIndex} for service ${options.service}`);
  const stdout = new Writable({ write: (c: Buffer, _e, done) => (io.stdout(c), done()) }) as Writable & { columns?: number; rows?: number };
  const stderr = new Writable({ write: (c: Buffer, _e, done) => (io.stderr(c), done()) });
  const stdin = options.stdin ? new PassThrough() : null;
  let finished = false;
  const ws = await new (await k8s()).Exec(config).exec(leaseNamespace(lease), pod.name, pod.container, options.command, stdout, stderr, stdin, options.tty, (status) => {
    finished = true;
    io.done({ exitCode: exitCode(status), message: status.status === "Success" ? "" : (status.message ?? "") });
  });
  ws.on("close", () => {
    if (!finished) io.done({ exitCode: 1, message: "connection to the container closed" });
    finished = true;
  });
  return {
    stdin: (data) => stdin?.write(Buffer.from(data)),
    resize: (width, height) => {
      // client-node sends a resize frame when the stdout stream reports new dimensions.
      stdout.columns = width;
      stdout.rows = height;
      stdout.emit("resize");
    },
    close: () => {
      stdin?.end();
      ws.close();
    },
  };
}
