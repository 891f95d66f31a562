import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../../main/app";
import { startDevnet, type Devnet } from "../../../main/devnet";
import { gamingPc } from "../../support/fake-system";
import { call } from "../gateway/fakes";

// createApp starts the gateway by itself once the wallet is unlocked and its certificate is on
// chain, answers gateway.status, refuses manifests while k3s is not installed, and stops on close.

let devnet: Devnet;
const dirs: string[] = [];
afterAll(async () => {
  await devnet?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function ok<T>(app: ReturnType<typeof createApp>, method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

describe("the gateway in the running app", () => {
  it("locked → stopped; unlocked without a certificate → stopped with the reason; certificate published → listening", async () => {
    devnet = await startDevnet({ blockTimeMs: 50 });
    const dataDir = mkdtempSync(join(tmpdir(), "apd-serving-"));
    dirs.push(dataDir);
    const app = createApp(
      { dataDir, mode: "headless", version: "0.0.0-test" },
      { systemInfo: gamingPc, log: () => {}, scryptCost: { n: 2 ** 12, r: 8, p: 1 }, serving: { autoStart: true, host: "127.0.0.1", port: 0 } },
    );
    try {
      expect(await ok(app, "gateway.status")).toMatchObject({ state: "stopped", address: null });
      await ok(app, "chain.setEndpoints", { network: "local", endpoints: [devnet.rpcUrl] });
      const created = await ok<{ words: string[]; confirmPositions: number[] }>(app, "wallet.create");
      const wallet = await ok<{ address: string }>(app, "wallet.confirmBackup", {
        answers: created.confirmPositions.map((position) => ({ position, word: created.words[position - 1]! })),
        passphrase: "serving passphrase",
      });
      await ok(app, "chain.faucet");
      const before = await ok<{ state: string; message: string }>(app, "gateway.status");
      expect(before.state).toBe("stopped");
      expect(before.message).toMatch(/certificate/);

      const published = await ok<{ serial: string }>(app, "cert.publish", { hostUri: "https://localhost:8443" });
      const status = await ok<{ state: string; address: string; certSerial: string; provider: string; cluster: { ready: boolean; message: string } }>(app, "gateway.status");
      expect(status).toMatchObject({ state: "listening", certSerial: published.serial, provider: wallet.address, cluster: { ready: false } });
      expect(status.cluster.message).toMatch(/not installed/);
      const port = Number(status.address.split(":").pop());
      const certs = await ok<{ onChain: { serial: string }[] }>(app, "cert.status");
      expect(certs.onChain.map((c) => c.serial)).toContain(published.serial);

      // The published certificate is the one served over TLS 1.3; /status answers in provider-services' shape.
      const { connect } = await import("node:tls");
      const peer = await new Promise<{ serial: string; pem: string; protocol: string | null }>((resolve, reject) => {
        const socket = connect({ host: "127.0.0.1", port, servername: "localhost", rejectUnauthorized: false }, () => {
          const x = socket.getPeerX509Certificate();
          resolve({ serial: x?.serialNumber ?? "", pem: x?.toString() ?? "", protocol: socket.getProtocol() });
          socket.end();
        });
        socket.on("error", reject);
      });
      expect(BigInt(`0x${peer.serial}`).toString(10)).toBe(published.serial);
      expect(peer.protocol).toBe("TLSv1.3");
      const body = JSON.parse((await call(port, "GET", "/status", { ca: peer.pem })).body);
      expect(body).toMatchObject({ address: wallet.address, cluster: { leases: 0 }, manifest: { deployments: 0 } });
      const impact = await ok<{ leases: unknown[] }>(app, "gateway.gpuReclaimImpact");
      expect(impact.leases).toEqual([]);

      // The wallet locks: the gateway stops.
      await ok(app, "wallet.lock");
      for (let i = 0; i < 100 && (await ok<{ state: string }>(app, "gateway.status")).state === "listening"; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await ok(app, "gateway.status")).toMatchObject({ state: "stopped", address: null });
    } finally {
      await app.close();
    }
  }, 60_000);
});
