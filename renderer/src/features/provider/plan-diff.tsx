import type { ProviderPlan } from "../../../../common/provider-schemas";

const FIELD_LABEL = { hostUri: "Host URI", attribute: "Attribute", "info.email": "Contact email", "info.website": "Website" } as const;

/** What the transaction will change on chain, line by line, before it is sent. */
export function PlanDiff({ plan }: { plan: ProviderPlan }) {
  if (plan.action === "none") {
    return (
      <p role="status" className="notice-ok">
        The provider record on chain already matches: nothing to send.
      </p>
    );
  }
  return (
    <div className="stack" data-testid="provider-diff">
      <p>
        {plan.action === "create"
          ? `This wallet has no provider yet: the transaction creates it with ${plan.desired.attributes.length} attributes.`
          : "This wallet already owns a provider: the transaction updates it. Changes:"}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Now on chain</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {plan.changes.map((change, index) => (
            <tr key={`${change.field}-${change.key ?? ""}-${index}`}>
              <td>
                {FIELD_LABEL[change.field]}
                {change.key ? <span className="mono"> {change.key}</span> : null}
              </td>
              <td className="mono">{change.from ?? "—"}</td>
              <td className="mono">{change.to ?? "(removed)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
