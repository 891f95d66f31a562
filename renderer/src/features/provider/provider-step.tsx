import { useEffect, useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { MethodOutput } from "../../../../common/contract";
import type { ContractError } from "../../../../common/envelope";
import type { ProviderPlan } from "../../../../common/provider-schemas";
import { ActionError } from "../wizard/action-error";
import { Loading } from "../../components/loading";
import { TxResult } from "../treasury/tx-result";
import { PLACEHOLDER_HOST_URI } from "../wizard/load-facts";
import { useAction } from "../wizard/use-action";
import { CertificatePanel } from "./certificate-panel";
import { hostUriProblem } from "./host-uri-check";
import { PlanDiff } from "./plan-diff";
import { draftFromRecord, draftToInput, EMPTY_DRAFT, type ProviderDraft } from "./provider-draft";
import { ProviderForm } from "./provider-form";
import "../wizard/forms.css";
import "./provider.css";

// The wizard's registration step: the form, the attributes the app will publish (from the detected
// GPUs and the form), the diff against the chain before sending, then the certificate.

const PREVIEW_DELAY_MS = 300;

type Preview = MethodOutput<"provider.preview">;

export function ProviderStep({ api, onChanged }: { api: ProviderApi; onChanged: () => void }) {
  const [draft, setDraft] = useState<ProviderDraft | null>(null);
  const [onChain, setOnChain] = useState<boolean>(false);
  /** Found on chain when the step opened (adopted), as opposed to registered just now. */
  const [adopted, setAdopted] = useState<boolean>(false);
  const [sentAction, setSentAction] = useState<ProviderPlan["action"] | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const [preview, setPreview] = useState<{ value: Preview | null; error: ContractError | null }>({ value: null, error: null });
  const [plan, setPlan] = useState<ProviderPlan | null>(null);
  const planning = useAction<ProviderPlan>();
  const apply = useAction<MethodOutput<"provider.apply">>();

  // Start from the chain's record when this wallet already owns a provider (adopt it).
  const load = async () => {
    setLoadError(null);
    const existing = await api["provider.plan"]({ hostUri: PLACEHOLDER_HOST_URI });
    if (!existing.ok) return setLoadError(existing.error);
    setOnChain(existing.value.current !== null);
    setAdopted(existing.value.current !== null);
    setDraft(existing.value.current ? draftFromRecord(existing.value.current) : EMPTY_DRAFT);
  };
  useEffect(() => {
    void load();
    // Once, on mount: later changes are the user's.
  }, []);

  const input = draft ? draftToInput(draft) : null;
  const inputKey = JSON.stringify(input);
  const hostProblem = draft && draft.hostUri !== "" ? hostUriProblem(draft.hostUri) : null;
  const hostOk = draft !== null && draft.hostUri !== "" && hostProblem === null;

  useEffect(() => {
    if (!hostOk) return;
    let current = true;
    const timer = setTimeout(() => {
      void api["provider.preview"](JSON.parse(inputKey)).then((envelope) => {
        if (!current) return;
        setPreview(envelope.ok ? { value: envelope.value, error: null } : { value: null, error: envelope.error });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, inputKey, hostOk]);

  if (loadError) return <ActionError error={loadError} onRetry={() => void load()} />;
  if (!draft || !input) return <Loading label="Looking for a provider this wallet already owns…" />;

  const edit = (next: ProviderDraft) => {
    setDraft(next);
    setPlan(null);
    planning.reset();
    apply.reset();
  };
  const review = async () => {
    const result = await planning.run(() => api["provider.plan"](input));
    setPlan(result);
  };
  const send = async () => {
    if (!plan) return;
    setSentAction(plan.action);
    const result = await apply.run(() => api["provider.apply"]({ input, fingerprint: plan.fingerprint }));
    if (result) {
      // The diff described what was sent; the result below replaces it.
      setPlan(null);
      setOnChain(true);
      onChanged();
    }
  };

  return (
    <div className="stack">
      {adopted ? <p className="notice-ok">This wallet already has a provider on chain: the form starts from its record, and changes are sent as an update.</p> : null}
      <ProviderForm draft={draft} hostProblem={hostProblem} onChange={edit} />
      {hostOk ? <AttributesPreview preview={preview.value} error={preview.error} /> : null}
      <div className="actions">
        <button type="button" className="button" disabled={!hostOk || planning.busy} onClick={() => void review()}>
          {planning.busy ? "Comparing with the chain…" : "Review changes"}
        </button>
      </div>
      {planning.state.status === "error" ? <ActionError error={planning.state.error} /> : null}
      {plan ? (
        <div className="preview">
          <PlanDiff plan={plan} />
          {plan.action !== "none" && apply.state.status !== "done" ? (
            <button type="button" className="button button-primary" disabled={apply.busy} onClick={() => void send()}>
              {apply.busy ? "Sending…" : plan.action === "create" ? "Register provider" : "Update provider"}
            </button>
          ) : null}
        </div>
      ) : null}
      {apply.state.status === "done" ? (
        apply.state.value.tx ? (
          <TxResult tx={apply.state.value.tx} what={sentAction === "update" ? "Provider updated" : "Provider registered"} />
        ) : (
          <p role="status">The provider record on chain already matched: nothing was sent.</p>
        )
      ) : null}
      {apply.state.status === "error" ? <ActionError error={apply.state.error} /> : null}
      {onChain ? (
        <>
          <h3 className="subheading">Certificate</h3>
          <CertificatePanel api={api} hostUri={draft.hostUri} hostOk={hostOk} onPublished={onChanged} />
        </>
      ) : (
        <p className="help">After the provider is registered, its TLS certificate is published here.</p>
      )}
    </div>
  );
}

function AttributesPreview({ preview, error }: { preview: Preview | null; error: ContractError | null }) {
  if (error) return <ActionError error={error} />;
  if (!preview) return <Loading label="Building the attributes…" />;
  return (
    <details className="attributes" open>
      <summary>
        {preview.attributes.length} attributes will be published for {preview.hostUri.host}:{preview.hostUri.port}
      </summary>
      <table className="table" data-testid="attributes-preview">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {preview.attributes.map((a) => (
            <tr key={a.key}>
              <td className="mono">{a.key}</td>
              <td className="mono">{a.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
