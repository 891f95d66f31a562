// The custom-endpoints textarea: one URL per line, checked before it is sent (the app checks again).

export const MAX_ENDPOINTS = 8;

export function parseEndpoints(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/u).map((line) => line.trim()).filter(Boolean))];
}

export function endpointsProblem(text: string): string | null {
  const urls = parseEndpoints(text);
  if (urls.length === 0) return "Enter at least one URL.";
  if (urls.length > MAX_ENDPOINTS) return `At most ${MAX_ENDPOINTS} endpoints.`;
  for (const url of urls) {
    if (url.length > 300) return "A URL is longer than 300 characters.";
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `"${url}" is not a URL (it needs http:// or https://).`;
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `"${url}" must use http or https.`;
    if (parsed.username || parsed.password) return `"${url}" must not carry a user name or password.`;
    if (parsed.search || parsed.hash) return `"${url}" must not have a query or fragment.`;
  }
  return null;
}
