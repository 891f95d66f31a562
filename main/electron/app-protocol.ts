import type { Protocol } from "electron";
import { readFile } from "node:fs/promises";
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from "../static-files";

// The renderer is served from app://renderer/, not file://: a file:// page could read any local file
// it can name, and a custom standard+secure scheme gives the page a real origin for the CSP's 'self'.

export const APP_SCHEME = "app";
export const APP_HOST = "renderer";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app's `ready` event (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, "registerSchemesAsPrivileged">): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererDir` on app://renderer/ (after `ready`). */
export function handleAppProtocol(protocol: Pick<Protocol, "handle">, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}

/** True for a URL on the renderer's own origin (app://renderer). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** One app:// request → a response. Never throws: every failure is a status code. */
export async function serveAppRequest(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (!isAppUrl(request.url)) return respond(404, "Not found");
  if (request.method !== "GET" && request.method !== "HEAD") return respond(405, "Method not allowed", { Allow: "GET, HEAD" });
  const file = resolveStaticPath(rendererDir, new URL(request.url).pathname);
  if (!file) return respond(404, "Not found");
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return respond(404, "Not found");
    return respond(500, "Could not read the file");
  }
  const headers = { "Content-Type": mimeType(file), "Content-Length": String(body.byteLength) };
  return respond(200, request.method === "HEAD" ? null : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), headers);
}

function respond(status: number, body: string | Uint8Array<ArrayBuffer> | null, headers: Record<string, string> = {}): Response {
  const base: Record<string, string> = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
  if (typeof body === "string") base["Content-Type"] = "text/plain; charset=utf-8";
  return new Response(body, { status, headers: { ...base, ...headers } });
}
