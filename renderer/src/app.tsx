import type { ProviderApi } from "../../common/api";

export function App({ api }: { api: ProviderApi | null }) {
  if (!api) return <main><h1>Akash Provider Desktop</h1><p role="alert">Open the dashboard with the link the app printed (it carries the access token).</p></main>;
  return <main><h1>Akash Provider Desktop</h1></main>;
}
