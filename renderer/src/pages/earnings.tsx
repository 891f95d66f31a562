import { Card } from "../components/card";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import type { PageProps } from "./page-props";

export function EarningsPage({ focusHeading }: PageProps) {
  return (
    <>
      <PageHeader title="Earnings" focusOnMount={focusHeading}>
        What leases paid, what the electricity cost, and what is left.
      </PageHeader>
      <Card title="Earnings against electricity" headingId="earnings-heading" wide>
        <EmptyState title="No earnings yet">
          Earnings appear here once your first lease pays, with the electricity it took and the net profit, per day, week and
          month, per lease and per GPU.
        </EmptyState>
      </Card>
    </>
  );
}
