import { Card } from "../components/card";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { DecisionsPanel } from "../features/bids/decisions-panel";
import { ScreenBox } from "../features/bids/screen-box";
import "../features/bids/bids.css";
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
          <EmptyState title="No active leases">
            Active leases appear here once the provider wins one, with the tenant, the resources, the rate and what each earned.
          </EmptyState>
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
