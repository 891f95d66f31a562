import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { probeConnect } from "../../../main/uptime/connect-probe";
import { selfSigned } from "./self-signed";

// The gateway probe against real sockets on loopback: a TLS server with a self-signed certificate
// (what a provider's gateway presents), a closed port, a server that never speaks TLS.

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

function listen(server: Server): Promise<number> {
  servers.push(server);
  // close() waits for open connections: end the server's side of each one when the test is done.
  server.on("connection", (socket: Socket) => void sockets.push(socket));
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("gateway connect probe", () => {
  let pem: { key: string; cert: string };
  beforeAll(async () => {
    pem = await selfSigned();
  });

  it("is up when a TLS handshake completes with a self-signed certificate, and says it was loopback", async () => {
    const port = await listen(createTlsServer({ key: pem.key, cert: pem.cert }, (socket) => socket.end()));
    const outcome = await probeConnect({ host: "127.0.0.1", port, tls: true });
    expect(outcome.state).toBe("up");
    expect(outcome.reason).toMatch(new RegExp(`^TLS handshake with 127\\.0\\.0\\.1:${port} in \\d+ ms`));
    expect(outcome.reason).toContain("loopback");
  });

  it("is down with 'connection refused' when nothing listens", async () => {
    const port = await closedPort();
    const outcome = await probeConnect({ host: "127.0.0.1", port, tls: true });
    expect(outcome).toEqual({ state: "down", reason: `connection refused at 127.0.0.1:${port}: nothing listens there, or a firewall rejects it` });
  });

  it("is down when the port accepts TCP but never completes TLS (not the gateway)", async () => {
    const port = await listen(createTcpServer(() => {})); // accepts, then says nothing
    const outcome = await probeConnect({ host: "127.0.0.1", port, tls: true }, { timeoutMs: 300 });
    expect(outcome.state).toBe("down");
    expect(outcome.reason).toContain("within 0.3 s");
  });

  it("is down when the server hangs up before the handshake", async () => {
    const port = await listen(createTcpServer((socket) => socket.destroy()));
    const outcome = await probeConnect({ host: "127.0.0.1", port, tls: true }, { timeoutMs: 2000 });
    expect(outcome.state).toBe("down");
    expect(outcome.reason).toMatch(/reset|closed the connection/);
  });

  it("plain TCP mode only needs the connect", async () => {
    const port = await listen(createTcpServer((socket) => socket.end()));
    expect((await probeConnect({ host: "127.0.0.1", port, tls: false })).state).toBe("up");
  });

  it("an unresolvable host name is down with a DNS hint", async () => {
    const outcome = await probeConnect({ host: "no-such-host.invalid", port: 8443, tls: true }, { timeoutMs: 5000 });
    expect(outcome.state).toBe("down");
    expect(outcome.reason).toMatch(/does not resolve|unreachable|within/);
  });
});
