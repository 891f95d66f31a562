import { describe, expect, it } from "vitest";
import { denyAllPermissions, hardenWebContents, isSafeExternalUrl } from "../../../main/electron/web-security";
import { FakeShell, FakeWebContents } from "./fakes";

function hardened() {
  const contents = new FakeWebContents();
  const shell = new FakeShell();
  const log: string[] = [];
  hardenWebContents(contents, shell, (line) => log.push(line));
  return { contents, shell, log };
}

describe("hardenWebContents", () => {
  it("denies every new window; opens https links in the user's browser only", () => {
    const { contents, shell } = hardened();
    for (const url of ["https://akash.network/docs", "http://example.com", "file:///etc/passwd", "javascript:alert(1)", "app://renderer/x", "not a url"]) {
      expect(contents.open(url)).toEqual({ action: "deny" });
    }
    expect(shell.opened).toEqual(["https://akash.network/docs"]);
  });

  it("allows navigation within app://renderer and blocks everything else", () => {
    const { contents, log } = hardened();
    expect(contents.attempt("will-navigate", "app://renderer/index.html#/earnings")).toBe(false);
    expect(contents.attempt("will-navigate", "https://evil.example/")).toBe(true);
    expect(contents.attempt("will-navigate", "app://evil/index.html")).toBe(true);
    expect(contents.attempt("will-navigate", "file:///home/user/.ssh/id_rsa")).toBe(true);
    expect(contents.attempt("will-redirect", "http://127.0.0.1:1/")).toBe(true);
    expect(contents.attempt("will-redirect", "app://renderer/index.html")).toBe(false);
    expect(log.filter((line) => line.includes("blocked"))).toHaveLength(4);
  });

  it("reads the URL from the legacy argument when the event has none, and blocks an empty one", () => {
    const { contents } = hardened();
    const prevented = { value: false };
    contents.emit("will-navigate", { preventDefault: () => (prevented.value = true) }, "https://evil.example/");
    expect(prevented.value).toBe(true);
    prevented.value = false;
    contents.emit("will-navigate", { preventDefault: () => (prevented.value = true) });
    expect(prevented.value).toBe(true);
  });

  it("prevents <webview> attachment", () => {
    expect(hardened().contents.attempt("will-attach-webview")).toBe(true);
  });

  it("logs, not throws, when the browser cannot be opened", async () => {
    const contents = new FakeWebContents();
    const log: string[] = [];
    hardenWebContents(contents, { openExternal: () => Promise.reject(new Error("no browser")) }, (line) => log.push(line));
    contents.open("https://akash.network");
    await expect.poll(() => log.join()).toContain("no browser");
  });
});

describe("isSafeExternalUrl", () => {
  it("accepts https only", () => {
    expect(isSafeExternalUrl("https://akash.network")).toBe(true);
    for (const url of ["http://akash.network", "ftp://x", "smb://share", "file:///x", "", "https//missing-colon"]) expect(isSafeExternalUrl(url), url).toBe(false);
  });
});

describe("denyAllPermissions", () => {
  it("answers every permission request and check with no", () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => void (request = handler as never),
      setPermissionCheckHandler: (handler) => void (check = handler as never),
    });
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal"]) {
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check!({}, permission, "app://renderer", {})).toBe(false);
    }
  });
});
