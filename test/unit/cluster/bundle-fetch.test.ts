import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFetchArgs, main as bundleFetchMain } from "../../../main/cli/bundle-fetch";
import { BundleError, loadBundleManifest, parseBundleManifest } from "../../../main/cluster/bundle/bundle-manifest";
import { fetchBundle } from "../../../main/cluster/bundle/fetch-bundle";
import { cleanupAll, tempDir } from "./support/test-host";

// bundle:fetch against a local HTTP server with files made here: verified downloads land in
// downloads/, a tampered or missing file fails clearly and leaves nothing behind.

const files: Record<string, string> = {
  "amd64/k3s": "k3s amd64 binary bytes",
  "amd64/k3s-airgap-images-amd64.tar.zst": "amd64 images",
  "arm64/k3s": "k3s arm64 binary bytes",
};
let served: Record<string, string> = {};
let server: Server;
let baseUrl: string;
const hits: string[] = [];

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function bundle(extra: object[] = []): string {
  const dir = tempDir("apd-fetch-");
  const artifact = (id: string, kind: string, arch: string, file: string) => ({ id, kind, arch, file, url: `https://github.invalid/${file}`, sha256: sha(files[file]!), images: [] });
  writeFileSync(
    join(dir, "bundle.json"),
    JSON.stringify({
      schema: 1,
      k3s: { version: "v1.34.2+k3s1" },
      notes: [],
      images: { nvidiaDevicePlugin: "nvcr.io/nvidia/k8s-device-plugin:v0.17.1" },
      artifacts: [
        artifact("k3s-binary", "k3s-binary", "amd64", "amd64/k3s"),
        artifact("k3s-airgap-images", "airgap-images", "amd64", "amd64/k3s-airgap-images-amd64.tar.zst"),
        artifact("k3s-binary", "k3s-binary", "arm64", "arm64/k3s"),
        ...extra,
      ],
    }),
  );
  return dir;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").slice(1);
    hits.push(path);
    const body = served[path];
    if (body === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanupAll();
});

describe("bundle:fetch", () => {
  it("downloads and verifies every file, and skips what is already there", async () => {
    served = { ...files };
    const dir = bundle();
    const manifest = await loadBundleManifest(dir);
    const results = await fetchBundle({ bundleDir: dir, manifest, arches: ["amd64", "arm64"], baseUrl });
    expect(results.map((r) => r.outcome)).toEqual(["downloaded", "downloaded", "downloaded"]);
    for (const [file, content] of Object.entries(files)) expect(readFileSync(join(dir, "downloads", file), "utf8")).toBe(content);
    hits.length = 0;
    const again = await fetchBundle({ bundleDir: dir, manifest, arches: ["amd64", "arm64"], baseUrl });
    expect(again.map((r) => r.outcome)).toEqual(["already-present", "already-present", "already-present"]);
    expect(hits).toEqual([]);
  });

  it("refuses a tampered download and leaves no file behind", async () => {
    served = { ...files, "amd64/k3s": "k3s amd64 binary bytes, with a backdoor" };
    const dir = bundle();
    const manifest = await loadBundleManifest(dir);
    await expect(fetchBundle({ bundleDir: dir, manifest, arches: ["amd64"], baseUrl })).rejects.toThrow(/amd64\/k3s-binary: downloaded file has sha256 [0-9a-f]{64}, expected [0-9a-f]{64} — refusing it/);
    expect(readdirSync(join(dir, "downloads/amd64"))).toEqual([]);
  });

  it("fails clearly on a missing file", async () => {
    served = { "amd64/k3s": files["amd64/k3s"]! };
    const dir = bundle();
    const manifest = await loadBundleManifest(dir);
    await expect(fetchBundle({ bundleDir: dir, manifest, arches: ["amd64"], baseUrl })).rejects.toThrow(/k3s-airgap-images: .*answered HTTP 404/);
    expect(existsSync(join(dir, "downloads/amd64/k3s-airgap-images-amd64.tar.zst"))).toBe(false);
  });

  it("refuses unpinned entries unless told to skip them", async () => {
    served = { ...files };
    const dir = bundle([{ id: "nvidia-device-plugin-image", kind: "image-archive", arch: "amd64", file: "amd64/plugin.tar", url: null, sha256: null, images: ["x"] }]);
    const manifest = await loadBundleManifest(dir);
    await expect(fetchBundle({ bundleDir: dir, manifest, arches: ["amd64"], baseUrl })).rejects.toThrow(/no pinned url\+sha256 for: amd64\/nvidia-device-plugin-image/);
    const results = await fetchBundle({ bundleDir: dir, manifest, arches: ["amd64"], baseUrl, skipUnpinned: true });
    expect(results.map((r) => r.outcome)).toEqual(["downloaded", "downloaded", "skipped-unpinned"]);
  });

  it("the CLI exits 1 with a message on a bad bundle, and 0 once verified", async () => {
    served = { ...files };
    const dir = bundle();
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`) };
    expect(await bundleFetchMain(["--bundle-dir", dir, "--base-url", baseUrl, "--arch", "amd64"], out)).toBe(0);
    expect(lines.at(-1)).toBe("bundle:fetch: 2 file(s) verified for k3s v1.34.2+k3s1");
    expect(existsSync(join(dir, "downloads/amd64/k3s"))).toBe(true);
    const broken = tempDir("apd-fetch-");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "bundle.json"), "{ not json");
    expect(await bundleFetchMain(["--bundle-dir", broken], out)).toBe(1);
    expect(lines.at(-1)).toMatch(/^ERR bundle:fetch failed: .*bundle\.json is not valid JSON/);
  });

  it("parses its arguments strictly", () => {
    expect(parseFetchArgs([], "/b")).toEqual({ arches: ["amd64", "arm64"], baseUrl: undefined, bundleDir: "/b", skipUnpinned: false });
    expect(parseFetchArgs(["--arch", "arm64", "--base-url", "http://127.0.0.1:1/x", "--skip-unpinned"], "/b")).toMatchObject({ arches: ["arm64"], baseUrl: "http://127.0.0.1:1/x", skipUnpinned: true });
    expect(() => parseFetchArgs(["--arch", "riscv64"], "/b")).toThrow(/unknown --arch riscv64/);
    expect(() => parseFetchArgs(["--base-url"], "/b")).toThrow(/needs a value/);
    expect(() => parseFetchArgs(["--base-url", "ftp://x"], "/b")).toThrow(/http/);
    expect(() => parseFetchArgs(["--frobnicate"], "/b")).toThrow(/unknown argument/);
  });
});

describe("bundle.json", () => {
  it("the shipped k3s-bundle/bundle.json is well-formed and pins k3s for both architectures", async () => {
    const manifest = await loadBundleManifest(join(__dirname, "../../../k3s-bundle"));
    for (const arch of ["amd64", "arm64"]) {
      const binary = manifest.artifacts.find((a) => a.arch === arch && a.kind === "k3s-binary")!;
      expect(binary.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(binary.url).toContain(encodeURIComponent(manifest.k3s.version));
    }
    expect(manifest.images.nvidiaDevicePlugin).toMatch(/@sha256:[0-9a-f]{64}$/);
  });

  it("garbage gives a clear BundleError, never a crash", () => {
    const samples = ["", "null", "[]", "{}", '{"schema":2}', '{"schema":1,"k3s":{"version":"1.0"},"notes":[],"images":{"nvidiaDevicePlugin":"x"},"artifacts":[]}'];
    for (let i = 0; i < 200; i++) samples.push(Array.from({ length: Math.floor(Math.random() * 60) }, () => String.fromCharCode(Math.floor(Math.random() * 128))).join(""));
    for (const text of samples) expect(() => parseBundleManifest(text), JSON.stringify(text)).toThrow(BundleError);
    const escaping = JSON.stringify({
      schema: 1,
      k3s: { version: "v1.34.2+k3s1" },
      notes: [],
      images: { nvidiaDevicePlugin: "x" },
      artifacts: [{ id: "k3s-binary", kind: "k3s-binary", arch: "amd64", file: "../../etc/passwd", url: null, sha256: null, images: [] }],
    });
    expect(() => parseBundleManifest(escaping)).toThrow(/relative path inside downloads/);
  });
});
