import { AppInfoFacts } from "../components/app-info-card";
import { CallView } from "../components/call-view";
import { Card } from "../components/card";
import { HardwareSummary } from "../components/hardware-summary";
import { PageHeader } from "../components/page-header";
import { UptimeCard } from "../features/uptime/uptime-card";
import { StatusCard } from "../features/status/status-card";
import { TodayCard } from "../features/earnings/today-card";
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
        <StatusCard navigate={navigate} />
        <TodayCard />
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
        <UptimeCard />
      </div>
    </>
  );
}
