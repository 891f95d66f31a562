import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { APP_ENTRY_URL, handleAppProtocol, isAppUrl, registerAppScheme, serveAppRequest } from "../../../main/electron/app-protocol";
import { CONTENT_SECURITY_POLICY } from "../../../main/static-files";

const dir = mkdtempSync(join(tmpdir(), "apd-protocol-"));
const renderer = join(dir, "renderer");
mkdirSync(join(renderer, "assets"), { recursive: true });
mkdirSync(join(renderer, "v1.0"));
writeFileSync(join(renderer, "index.html"), "<!doctype html><title>dash</title>");
writeFileSync(join(renderer, "assets", "app.js"), "console.log(1)");
writeFileSync(join(dir, "secret.txt"), "do not serve");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = "GET") => serveAppRequest(renderer, { url, method });

describe("app:// protocol", () => {
  it("registers app as a standard, secure, fetch-capable scheme", () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it("serves the renderer's index and assets with their MIME type and the CSP", async () => {
    const index = await get(APP_ENTRY_URL);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain("<title>dash</title>");
    const script = await get("app://renderer/assets/app.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await script.text()).toBe("console.log(1)");
  });

  it("answers SPA routes with the index, HEAD without a body", async () => {
    expect(await (await get("app://renderer/leases")).text()).toContain("dash");
    const head = await get(APP_ENTRY_URL, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String("<!doctype html><title>dash</title>".length));
    expect(await head.text()).toBe("");
  });

  it.each([
    ["another host", "app://evil/index.html"],
    ["a host that only starts like ours", "app://renderer.evil/index.html"],
    ["a port on our host", "app://renderer:8080/index.html"],
    ["another scheme", "https://renderer/index.html"],
    ["encoded traversal", "app://renderer/%2e%2e/secret.txt"],
    ["encoded slash traversal", "app://renderer/..%2fsecret.txt"],
    ["encoded backslash", "app://renderer/..%5csecret.txt"],
    ["a missing file", "app://renderer/assets/missing.js"],
    ["a directory", "app://renderer/v1.0"],
    ["garbage", "not a url"],
  ])("404s %s, still with the CSP", async (_label, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain("do not serve");
  });

  it("normalised ../ in the URL stays inside the renderer", async () => {
    const response = await get("app://renderer/../secret.txt");
    expect(await response.text()).not.toContain("do not serve");
  });

  it("refuses methods other than GET and HEAD", async () => {
    const response = await get(APP_ENTRY_URL, "POST");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("handleAppProtocol serves the folder it was given through protocol.handle", async () => {
    let handler: ((request: Request) => Response | Promise<Response>) | undefined;
    handleAppProtocol({ handle: (scheme, fn) => void (scheme === "app" && (handler = fn)) }, renderer);
    const response = await handler!(new Request("app://renderer/assets/app.js"));
    expect(await response.text()).toBe("console.log(1)");
  });

  it("answers any URL with a response, never a throw (fuzz)", async () => {
    const pieces = ["app://", "renderer", "/", "..", "%2e", "%2f", "%5c", "%00", "%", "?", "#", "@", ":", "index.html", "evil", "\\", " ", "%E0%A4%A"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const url = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const response = await get(url, random() < 0.1 ? "PUT" : "GET");
      expect([200, 404, 405], url).toContain(response.status);
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      if (response.status === 200) expect(await response.text(), url).not.toContain("do not serve");
    }
  });

  it("isAppUrl accepts only app://renderer", () => {
    expect(isAppUrl("app://renderer/index.html#/x")).toBe(true);
    expect(isAppUrl("app://renderer")).toBe(true);
    for (const url of ["app://other/", "file:///index.html", "http://renderer/", "app:renderer", "", "app://user@renderer.x/"]) expect(isAppUrl(url), url).toBe(false);
  });
});
