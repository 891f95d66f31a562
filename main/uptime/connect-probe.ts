import { isIP, Socket } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import type { GatewayTarget } from "../../common/uptime-schemas";
import { down, up, type ProbeOutcome } from "./probe-outcome";

// The gateway probe: a real TCP connect (and TLS handshake) to the provider's public host and port,
// as a tenant would make it. The gateway's certificate is the provider's own, published on chain, not
// one a CA signed, so the handshake is checked for completing, not for a CA chain.

export interface ConnectOptions {
  timeoutMs?: number;
  /** Monotonic ms, for the handshake time in the reason. */
  monotonic?: () => number;
}

const LOOPBACK = /^(127\.|::1$|localhost$)/i;

function explain(error: NodeJS.ErrnoException, where: string, timeoutMs: number): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return `connection refused at ${where}: nothing listens there, or a firewall rejects it`;
    case "ETIMEDOUT":
    case "TIMEOUT":
      return `no answer from ${where} within ${timeoutMs / 1000} s: check the router's port forwarding and the firewall`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name in ${where} does not resolve (DNS): check the provider's host URI`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${where} is unreachable from this network`;
    case "ECONNRESET":
      return `${where} accepted the connection, then reset it (not the gateway, or TLS refused)`;
    default:
      return `${where}: ${error.code ?? ""} ${error.message}`.trim();
  }
}

/** Connects to `target` (TLS when it says so) and reports up with the time it took, or down with why. */
export function probeConnect(target: GatewayTarget, options: ConnectOptions = {}): Promise<ProbeOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const monotonic = options.monotonic ?? (() => performance.now());
  const where = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const note = LOOPBACK.test(target.host) ? " (a loopback address: this proves the gateway runs, not that tenants can reach it)" : "";
  const started = monotonic();
  return new Promise((resolve) => {
    let settled = false;
    let socket: Socket | TLSSocket;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(down(explain(Object.assign(new Error("timeout"), { code: "TIMEOUT" }), where, timeoutMs))), timeoutMs);
    const ok = (what: string) => finish(up(`${what} with ${where} in ${Math.round(monotonic() - started)} ms${note}`));
    if (target.tls) {
      socket = tlsConnect({
        host: target.host,
        port: target.port,
        // SNI only for names (an IP as SNI is not allowed).
        servername: isIP(target.host) ? undefined : target.host,
        rejectUnauthorized: false,
        ALPNProtocols: ["http/1.1"],
      });
      socket.once("secureConnect", () => ok("TLS handshake"));
    } else {
      socket = new Socket();
      socket.once("connect", () => ok("TCP connect"));
      socket.connect(target.port, target.host);
    }
    socket.once("error", (error: NodeJS.ErrnoException) => finish(down(explain(error, where, timeoutMs))));
    // A server that closes before the handshake completes is not a working gateway.
    socket.once("close", () => finish(down(`${where} closed the connection before the ${target.tls ? "TLS handshake" : "connect"} completed`)));
  });
}
