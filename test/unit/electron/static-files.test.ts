import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveStaticPath } from "../../../main/static-files";

// The path-traversal guard both app:// and the loopback bridge rely on.
const root = mkdtempSync(join(tmpdir(), "apd-static-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("resolveStaticPath", () => {
  it("maps files under the root, and / and extension-less routes to the SPA's index", () => {
    expect(resolveStaticPath(root, "/assets/app.js")).toBe(join(root, "assets", "app.js"));
    expect(resolveStaticPath(root, "/")).toBe(join(root, "index.html"));
    expect(resolveStaticPath(root, "")).toBe(join(root, "index.html"));
    expect(resolveStaticPath(root, "/earnings")).toBe(join(root, "index.html"));
    expect(resolveStaticPath(root, "/assets/app.js?v=1#x")).toBe(join(root, "assets", "app.js"));
  });

  it.each([
    ["plain ..", "/../etc/passwd"],
    ["nested ..", "/assets/../../etc/passwd"],
    ["a lone ..", "/.."],
    ["encoded dots", "/%2e%2e/etc/passwd"],
    ["mixed-case encoded dots", "/%2E%2e/%2e%2E/etc/passwd"],
    ["half-encoded dots", "/.%2e/etc/passwd"],
    ["encoded slash", "/..%2fetc%2fpasswd"],
    ["encoded slash, upper case", "/assets%2F..%2F..%2Fetc%2Fpasswd"],
    ["backslash", "/..\\etc\\passwd"],
    ["encoded backslash", "/..%5cetc%5cpasswd"],
    ["backslash without dots", "/assets%5Capp.js"],
    ["NUL byte", "/index.html%00.png"],
    ["raw NUL byte", "/index.html\0.png"],
    ["malformed escape", "/%E0%A4%A"],
    ["lone percent", "/%"],
  ])("refuses %s", (_label, urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });

  it("keeps absolute-looking paths inside the root", () => {
    for (const urlPath of ["//etc/passwd", "/etc/passwd", "///etc/passwd", "/%2fetc%2fpasswd"]) {
      const resolved = resolveStaticPath(root, urlPath);
      if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true);
    }
  });

  it("never escapes the root on random input (fuzz)", () => {
    const alphabet = ["/", ".", "..", "%2e", "%2f", "%5c", "%00", "\\", "a", "b.js", "%", "~", "%c0%ae", "?", "#", ":", "C:", " "];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]);
      const urlPath = parts.join("");
      const resolved = resolveStaticPath(root, urlPath);
      if (resolved !== null) expect(resolved === join(root, "index.html") || resolved.startsWith(root + sep), urlPath).toBe(true);
    }
  });
});
