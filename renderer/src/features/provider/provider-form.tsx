import type { ProviderDraft } from "./provider-draft";
import { attributeKeyProblem } from "./provider-draft";

// The registration form. Host URI problems show under the field as the user types (the app checks
// again before anything is sent); the other fields become attributes tenants can filter on.

const FIELDS: { name: "region" | "country" | "city" | "organization" | "email" | "website"; label: string; help: string }[] = [
  { name: "region", label: "Region", help: "Free text tenants filter on, e.g. us-west or eu-central." },
  { name: "country", label: "Country", help: "Two-letter code, e.g. DE." },
  { name: "city", label: "City", help: "Optional." },
  { name: "organization", label: "Organization", help: "Your name or your company's, as tenants will see it." },
  { name: "email", label: "Contact email", help: "Published on chain: tenants contact you here." },
  { name: "website", label: "Website", help: "Optional, published on chain." },
];

export function ProviderForm({ draft, hostProblem, onChange }: { draft: ProviderDraft; hostProblem: string | null; onChange: (draft: ProviderDraft) => void }) {
  return (
    <div className="provider-form">
      <div className="field">
        <label htmlFor="provider-host-uri">Host URI</label>
        <input
          id="provider-host-uri"
          className="input"
          spellCheck={false}
          placeholder="https://provider.example.com:8443"
          value={draft.hostUri}
          aria-invalid={hostProblem !== null}
          aria-describedby="provider-host-uri-help"
          onChange={(e) => onChange({ ...draft, hostUri: e.target.value })}
        />
        <p id="provider-host-uri-help" className={hostProblem ? "field-error" : "help"} role={hostProblem ? "alert" : undefined}>
          {hostProblem ?? "Where tenants reach this provider's gateway: https, a public host name, the port (8443). Forward that port on your router."}
        </p>
      </div>
      <div className="provider-grid">
        {FIELDS.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={`provider-${field.name}`}>{field.label}</label>
            <input
              id={`provider-${field.name}`}
              className="input"
              value={draft[field.name]}
              aria-describedby={`provider-${field.name}-help`}
              onChange={(e) => onChange({ ...draft, [field.name]: e.target.value })}
            />
            <p id={`provider-${field.name}-help`} className="help">
              {field.help}
            </p>
          </div>
        ))}
      </div>
      <ExtraAttributes draft={draft} onChange={onChange} />
    </div>
  );
}

function ExtraAttributes({ draft, onChange }: { draft: ProviderDraft; onChange: (draft: ProviderDraft) => void }) {
  const set = (index: number, patch: Partial<{ key: string; value: string }>) =>
    onChange({ ...draft, extra: draft.extra.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  return (
    <fieldset className="extra-attributes">
      <legend>Your own attributes</legend>
      <p className="help">Add an attribute, or give a generated one (below) another value by using its key.</p>
      {draft.extra.map((attribute, index) => {
        const problem = attributeKeyProblem(attribute.key);
        return (
          <div className="inline-form" key={index}>
            <div className="field">
              <label htmlFor={`extra-key-${index}`}>Key</label>
              <input id={`extra-key-${index}`} className="input" value={attribute.key} aria-invalid={problem !== null} onChange={(e) => set(index, { key: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`extra-value-${index}`}>Value</label>
              <input id={`extra-value-${index}`} className="input" value={attribute.value} onChange={(e) => set(index, { value: e.target.value })} />
            </div>
            <button type="button" className="button" onClick={() => onChange({ ...draft, extra: draft.extra.filter((_, i) => i !== index) })}>
              Remove
            </button>
            {problem ? (
              <p className="field-error" role="alert">
                {problem}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="button" onClick={() => onChange({ ...draft, extra: [...draft.extra, { key: "", value: "" }] })}>
        Add an attribute
      </button>
    </fieldset>
  );
}
