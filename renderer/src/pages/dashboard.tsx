import { AppInfoFacts } from "../components/app-info-card";
import { CallView } from "../components/call-view";
import { Card } from "../components/card";
import { EmptyState } from "../components/empty-state";
import { HardwareSummary } from "../components/hardware-summary";
import { PageHeader } from "../components/page-header";
import { UptimeCard } from "../features/uptime/uptime-card";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import type { PageProps } from "./page-props";

/** The first screen: what this machine offers, the app's state, and (once set up) what it earns. */
export function DashboardPage({ focusHeading, navigate }: PageProps) {
  const { api } = useConnection();
  const summary = useCall(api, "system.summary");
  const info = useCall(api, "app.info");

  return (
    <>
      <PageHeader title="Dashboard" focusOnMount={focusHeading}>
        This machine, and what it earns once it is an Akash provider.
      </PageHeader>
      <div className="grid">
        <Card title="Status" headingId="status-heading">
          <EmptyState
            title="Not providing yet"
            action={
              <button type="button" className="button button-primary" onClick={() => navigate("onboarding")}>
                Start onboarding
              </button>
            }
          >
            This machine is not registered as a provider, so it is not bidding on any orders. Onboarding sets up the wallet,
            Kubernetes and the on-chain provider record.
          </EmptyState>
        </Card>
        <Card title="Today" headingId="today-heading">
          <EmptyState title="No earnings yet">
            Earnings, electricity cost and net profit appear here once your first lease pays.
          </EmptyState>
        </Card>
        <Card title="This machine" headingId="hardware-heading" wide>
          <CallView result={summary} loadingLabel="Detecting hardware…">
            {(value) => <HardwareSummary summary={value} />}
          </CallView>
        </Card>
        <Card title="App" headingId="app-heading">
          <CallView result={info} loadingLabel="Loading app information…">
            {(value) => <AppInfoFacts info={value} />}
          </CallView>
        </Card>
        <Card title="Leases and bids" headingId="leases-heading">
          <EmptyState title="No active leases">Active leases and open bids appear here once the bid engine is running.</EmptyState>
        </Card>
        <UptimeCard />
      </div>
    </>
  );
}
