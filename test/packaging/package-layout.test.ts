import { extractFile, listPackage, statFile } from "@electron/asar";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Runs electron-builder's --dir target with the real electron-builder.yml, offline: a stand-in
// Electron distribution (a script named `electron`) replaces the binary it would download, and the
// fuses are off because flipping them needs a real binary. Then checks what would ship.

const root = fileURLToPath(new URL("../../", import.meta.url));
const NEEDED = ["dist/main/index.mjs", "dist/preload/index.cjs", "dist/renderer/index.html"];

let work: string;
let appDir: string;
let asar: string;

beforeAll(async () => {
  if (NEEDED.some((file) => !existsSync(join(root, file)))) {
    const built = spawnSync(process.execPath, ["main/cli/build.ts", "--quiet"], { cwd: root, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
  }
  work = mkdtempSync(join(tmpdir(), "apd-package-"));
  const electronDist = join(work, "electron-dist");
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, "electron"), "#!/bin/sh\necho 'stand-in for the Electron binary'\n");
  chmodSync(join(electronDist, "electron"), 0o755);

  const { build, Platform } = await import("electron-builder");
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget("dir"),
    publish: "never",
    config: {
      extends: join(root, "electron-builder.yml"),
      electronDist,
      electronFuses: null,
      directories: { output: join(work, "out") },
    },
  });
  const unpackedName = readdirSync(join(work, "out")).find((name) => name.startsWith("linux") && name.endsWith("unpacked"));
  if (!unpackedName) throw new Error(`no linux-*unpacked folder in ${readdirSync(join(work, "out")).join(", ")}`);
  appDir = join(work, "out", unpackedName);
  asar = join(appDir, "resources", "app.asar");
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packaged app (electron-builder --dir)", () => {
  it("puts the app in resources/app.asar: package.json and the built main, preload and renderer", () => {
    expect(existsSync(asar)).toBe(true);
    const files = listPackage(asar, { isPack: false });
    for (const file of ["/package.json", ...NEEDED.map((f) => `/${f}`)]) expect(files, file).toContain(file);
    const pkg = JSON.parse(extractFile(asar, "package.json").toString()) as { main: string; name: string };
    expect(pkg.main).toBe("dist/main/index.mjs");
    expect(files).toContain("/node_modules/better-sqlite3/lib/index.js");
  });

  it("ships no sources, tests, source maps or Node-only entries", () => {
    const files = listPackage(asar, { isPack: false }).filter((file) => !file.startsWith("/node_modules/"));
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(files).not.toContain("/dist/main/launch.mjs");
    expect(files).not.toContain("/dist/main/headless-entry.mjs");
    for (const prefix of ["/main/", "/common/", "/preload/", "/renderer/", "/test/", "/k3s-bundle/", "/.ci/", "/node_modules/.bin"]) {
      expect(files.filter((file) => file.startsWith(prefix)), prefix).toEqual([]);
    }
    expect(files.filter((file) => !file.startsWith("/dist/") && file !== "/package.json" && file !== "/dist" && file !== "/node_modules")).toEqual([]);
  });

  it("keeps better-sqlite3's native binaries outside the archive, for this OS only", () => {
    const prebuilds = join(appDir, "resources", "app.asar.unpacked", "node_modules", "better-sqlite3", "prebuilds");
    const shipped = readdirSync(prebuilds);
    expect(shipped).toContain(`linux-${process.arch}.node`);
    expect(shipped.every((name) => name.startsWith("linux") && name.endsWith(".node"))).toBe(true);
    // The archive's header points at the unpacked copy.
    expect(statFile(asar, `node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`)).toMatchObject({ unpacked: true });
    const nodeFilesInside = listPackage(asar, { isPack: true }).filter((line) => line.endsWith(".node"));
    expect(nodeFilesInside.length).toBeGreaterThan(0);
    expect(nodeFilesInside.every((line) => line.startsWith("unpack"))).toBe(true);
    expect(existsSync(join(root, "node_modules", "better-sqlite3", "deps"))).toBe(true);
    expect(listPackage(asar, { isPack: false }).filter((file) => file.startsWith("/node_modules/better-sqlite3/deps"))).toEqual([]);
  });

  it("ships k3s-bundle/ as resources/k3s-bundle with its executable bits", () => {
    const bundle = join(appDir, "resources", "k3s-bundle");
    expect(existsSync(join(bundle, "README.md"))).toBe(true);
    const script = statSync(join(bundle, "bin", "host-check.sh"));
    expect(script.mode & 0o111).toBe(0o111);
    expect(statSync(join(bundle, "README.md")).mode & 0o111).toBe(0);
  });

  it("names the executable after the app and keeps it executable", () => {
    const executable = statSync(join(appDir, "akash-provider-desktop"));
    expect(executable.mode & 0o100).toBe(0o100);
  });
});
