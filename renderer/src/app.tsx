import type { ReactNode } from "react";
import type { Connection } from "./api";
import { ConnectionBanner } from "./components/connection-banner";
import { Nav } from "./components/nav";
import { NetworkBadge } from "./components/network-badge";
import { ApiProvider } from "./hooks/api-context";
import { useConnectionState } from "./hooks/use-connection-state";
import { useReconnects } from "./hooks/use-reconnects";
import { usePage } from "./navigation/use-page";
import type { PageId } from "./navigation/pages";
import { DashboardPage } from "./pages/dashboard";
import { EarningsPage } from "./pages/earnings";
import { LeasesPage } from "./pages/leases";
import { OnboardingPage } from "./pages/onboarding";
import type { PageProps } from "./pages/page-props";
import { PricingPage } from "./pages/pricing";
import { SettingsPage } from "./pages/settings";
import { TokenMissing } from "./pages/token-missing";

const PAGE_COMPONENTS: Record<PageId, (props: PageProps) => ReactNode> = {
  onboarding: OnboardingPage,
  dashboard: DashboardPage,
  earnings: EarningsPage,
  pricing: PricingPage,
  leases: LeasesPage,
  settings: SettingsPage,
};

export function App({ connection }: { connection: Connection | null }) {
  if (!connection) return <TokenMissing />;
  return (
    <ApiProvider connection={connection}>
      <Shell connection={connection} />
    </ApiProvider>
  );
}

function Shell({ connection }: { connection: Connection }) {
  const { page, navigate, moved } = usePage();
  const connectionState = useConnectionState(connection.status);
  const reconnects = useReconnects(connectionState);
  const Page = PAGE_COMPONENTS[page];
  if (connectionState === "unauthorized") return <TokenMissing rejected />;
  return (
    <div className="shell" data-connection={connectionState}>
      <button type="button" className="skip-link" onClick={() => document.querySelector<HTMLElement>("main h1")?.focus()}>
        Skip to content
      </button>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Akash Provider Desktop
        </span>
        <NetworkBadge />
      </header>
      <Nav current={page} onNavigate={navigate} />
      <main className="content" id="main">
        <ConnectionBanner state={connectionState} />
        {/* The first screen keeps the focus where the browser puts it; after a move, the page heading takes it.
            A reconnection remounts the page, so everything on it is fetched again. */}
        <Page key={`${page}:${reconnects}`} focusHeading={moved} navigate={navigate} />
      </main>
    </div>
  );
}
