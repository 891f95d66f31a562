import { Card } from "../components/card";
import { PageHeader } from "../components/page-header";
import { DecisionsPanel } from "../features/bids/decisions-panel";
import { ScreenBox } from "../features/bids/screen-box";
import "../features/bids/bids.css";
import { LeasesPanel } from "../features/leases/leases-panel";
import type { PageProps } from "./page-props";

/** Leases won, and every bid decision with its reason ("why didn't I bid?"). */
export function LeasesPage({ focusHeading, navigate }: PageProps) {
  return (
    <>
      <PageHeader title="Leases" focusOnMount={focusHeading}>
        Tenants' workloads on this machine, and every order the bid engine saw with what it decided and why.
      </PageHeader>
      <div className="grid">
        <Card title="Leases" headingId="leases-list-heading" wide>
          <LeasesPanel />
        </Card>
        <Card title="Would I bid on this?" headingId="screen-heading" wide>
          <ScreenBox navigate={navigate} />
        </Card>
        <Card title="Bids and decisions" headingId="bids-heading" wide>
          <DecisionsPanel navigate={navigate} />
        </Card>
      </div>
    </>
  );
}
