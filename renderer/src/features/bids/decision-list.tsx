import type { DecisionView } from "../../../../common/bidengine-schemas";
import type { PageId } from "../../navigation/pages";
import { DecisionCard } from "./decision-card";

export function DecisionList({ decisions, navigate, label }: { decisions: DecisionView[]; navigate?: (page: PageId) => void; label: string }) {
  return (
    <ul className="bd-list" aria-label={label}>
      {decisions.map((d, i) => (
        <DecisionCard key={`${d.key}:${d.decidedAt}:${i}`} decision={d} navigate={navigate} />
      ))}
    </ul>
  );
}
