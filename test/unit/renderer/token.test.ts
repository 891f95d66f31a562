import { describe, expect, it } from "vitest";
import { TOKEN_STORAGE_KEY, takeToken, tokenFromFragment } from "../../../renderer/src/token";

const TOKEN = "q3Z8bE-yX_0123456789abcdefABCDEF0123456789xyz";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe("tokenFromFragment", () => {
  it("reads the bridge's base64url token from the fragment", () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`token=${TOKEN}`)).toBe(TOKEN);
  });

  it("refuses missing, empty, short or odd tokens", () => {
    for (const hash of ["", "#", "#token=", "#token=short", "#tok=abcdefghijklmnopqrstuvwxyz", `#token=${TOKEN}<script>`, "#token=" + "a".repeat(300)]) {
      expect(tokenFromFragment(hash)).toBeNull();
    }
  });
});

describe("takeToken", () => {
  it("stores the fragment's token for this tab and drops the fragment from the address bar", () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const token = takeToken({ hash: `#token=${TOKEN}`, pathname: "/", search: "?page=settings" }, storage, (url) => replaced.push(url));
    expect(token).toBe(TOKEN);
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(replaced).toEqual(["/?page=settings"]);
  });

  it("falls back to the remembered token after a reload, without touching the address bar", () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: TOKEN });
    const replaced: string[] = [];
    expect(takeToken({ hash: "", pathname: "/", search: "" }, storage, (url) => replaced.push(url))).toBe(TOKEN);
    expect(replaced).toEqual([]);
  });

  it("prefers a fresh token over a remembered one (the app restarted)", () => {
    const fresh = "F".repeat(43);
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: TOKEN });
    expect(takeToken({ hash: `#token=${fresh}`, pathname: "/", search: "" }, storage, () => {})).toBe(fresh);
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe(fresh);
  });

  it("gives null when there is no token anywhere", () => {
    expect(takeToken({ hash: "", pathname: "/", search: "" }, memoryStorage(), () => {})).toBeNull();
  });
});
