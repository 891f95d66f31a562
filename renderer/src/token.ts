// The headless bridge's token arrives in the URL fragment (`#token=…`): browsers never send a fragment
// to the server, so it stays out of request logs. The page moves it to sessionStorage (this tab only,
// gone when the tab closes) and then drops it from the address bar, history and screenshots.

export const TOKEN_STORAGE_KEY = "provider-token";

/** The token in a fragment such as "#token=abc", or null. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && /^[A-Za-z0-9_-]{16,256}$/.test(token) ? token : null;
}

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface TokenLocation {
  hash: string;
  pathname: string;
  search: string;
}

/**
 * The token for this tab: a fresh one from the fragment wins over a remembered one (the app may have
 * restarted with a new token). `replaceUrl` gets the address without the fragment, when there was one.
 */
export function takeToken(location: TokenLocation, storage: TokenStorage, replaceUrl: (url: string) => void): string | null {
  const fromFragment = tokenFromFragment(location.hash);
  if (location.hash.length > 1) replaceUrl(`${location.pathname}${location.search}`);
  if (fromFragment) {
    storage.setItem(TOKEN_STORAGE_KEY, fromFragment);
    return fromFragment;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}
