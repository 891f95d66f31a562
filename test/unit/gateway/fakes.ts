import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import type { LeaseId, ManifestGroup } from "../../../common/gateway-schemas";
import { BidGroupSpec } from "../../../common/gateway-schemas";
import type { ChainCertificate, ChainDeployment, ExecIo, GatewayChainPort, GatewayClusterPort, HeldLeaseInfo, KubeEvent, LeaseStatus, LogLine, TimerPort } from "../../../main/gateway";
import { sharedPath } from "../../support/shared";

export const SDL_DIR = sharedPath("fixtures/sdl/v2.0");
export const fixture = (vector: string, file: string) => readFileSync(`${SDL_DIR}/${vector}/${file}`, "utf8");
export const groupSpecs = (vector: string) => BidGroupSpec.array().parse(JSON.parse(fixture(vector, "group-specs.json")));

/** A clock and timer queue that only move when the test says so. */
export class FakeTime implements TimerPort {
  nowMs = Date.now();
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.nowMs;
  set(ms: number, fn: () => void): unknown {
    const id = this.next++;
    this.queue.push({ at: this.nowMs + ms, fn, id });
    return id;
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.nowMs += ms;
    const due = this.queue.filter((t) => t.at <= this.nowMs);
    this.queue = this.queue.filter((t) => t.at > this.nowMs);
    for (const t of due) t.fn();
  }
}

export class FakeChain implements GatewayChainPort {
  certs = new Map<string, ChainCertificate>();
  pubkeys = new Map<string, Uint8Array>();
  deployments = new Map<string, ChainDeployment>();
  leases = new Map<string, HeldLeaseInfo[]>();
  async certificate(owner: string, serial: string) {
    return this.certs.get(`${owner}/${serial}`) ?? null;
  }
  async accountPubkey(address: string) {
    return this.pubkeys.get(address) ?? null;
  }
  async deployment(owner: string, dseq: string) {
    return this.deployments.get(`${owner}/${dseq}`) ?? null;
  }
  async activeLeases(owner: string, dseq: string) {
    return this.leases.get(`${owner}/${dseq}`) ?? [];
  }
}

export class FakeCluster implements GatewayClusterPort {
  deployed: { lease: LeaseId; group: ManifestGroup }[] = [];
  statuses = new Map<string, LeaseStatus>();
  stdin: string[] = [];
  closedStreams = 0;
  async deploy(lease: LeaseId, group: ManifestGroup) {
    this.deployed.push({ lease, group });
    this.statuses.set(`${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}`, {
      services: Object.fromEntries(
        group.services.map((s) => [s.name, { name: s.name, available: s.count, total: s.count, uris: [`${s.name}.ingress.test`], observed_generation: 1, replicas: s.count, updated_replicas: s.count, ready_replicas: s.count, available_replicas: s.count }]),
      ),
      forwarded_ports: {},
      ips: {},
    });
  }
  async leaseStatus(lease: LeaseId) {
    return this.statuses.get(`${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}`) ?? null;
  }
  async logs(_lease: LeaseId, options: { follow: boolean; tail: number; services: string[] }, sink: (l: LogLine) => void, end: (e?: Error) => void) {
    const lines = ["one", "two", "three"].slice(options.tail >= 0 ? -options.tail : 0);
    setImmediate(() => {
      for (const l of lines) sink({ name: `${options.services[0] ?? "web"}-0`, message: l });
      if (!options.follow) end();
    });
    return { close: () => this.closedStreams++ };
  }
  async events(lease: LeaseId, _o: { follow: boolean }, sink: (e: KubeEvent) => void, end: (e?: Error) => void) {
    setImmediate(() => {
      sink({ type: "Normal", reason: "Pulled", note: "image pulled", reportingController: "kubelet", reportingInstance: "node", object: { kind: "Pod", namespace: "ns", name: "web-0" }, lease_id: lease });
      end();
    });
    return { close: () => this.closedStreams++ };
  }
  async exec(_lease: LeaseId, options: { command: string[] }, io: ExecIo) {
    if (options.command[0] === "missing") throw new Error("executable not found");
    io.stdout(Buffer.from(`ran ${options.command.join(" ")}`));
    return {
      stdin: (d: Uint8Array) => {
        this.stdin.push(Buffer.from(d).toString());
        io.stderr(Buffer.from("got stdin"));
        io.done({ exitCode: 3, message: "" });
      },
      resize: () => {},
      close: () => this.closedStreams++,
    };
  }
}

export interface Reply {
  status: number;
  body: string;
  protocol: string | null;
}

export function call(port: number, method: string, path: string, options: { ca: string; headers?: Record<string, string>; body?: string | Buffer; cert?: string; key?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", servername: "localhost", port, method, path, ca: options.ca, cert: options.cert, key: options.key, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        const protocol = (res.socket as import("node:tls").TLSSocket).getProtocol?.() ?? null;
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), protocol }));
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** chain-sdk's JwtTokenManager over a cosmjs 0.39 wallet (chain-sdk types it against its own 0.36). */
export function tokenManager(wallet: import("@cosmjs/amino").OfflineAminoSigner): import("@akashnetwork/chain-sdk").JwtTokenManager {
  return new JwtTokenManager(wallet as never);
}
