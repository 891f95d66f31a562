import { extname, resolve, sep } from "node:path";

// The renderer's static files, served by both the app:// protocol and the loopback bridge.

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root` (`..`, encoded
 * separators, NUL bytes, absolute paths). "/" and unknown extension-less routes are the SPA's index.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.split("/").some((segment) => segment === "..")) return null;
  const relative = decoded.replace(/^\/+/, "");
  const target = relative === "" || !extname(relative) ? "index.html" : relative;
  const base = resolve(root);
  const full = resolve(base, target);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}
