import type { ReactNode } from "react";

// Labelled inputs with their help and inline error, wired for screen readers (aria-invalid,
// aria-describedby) so an error is announced with the field it belongs to.

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: ReactNode;
  /** Shown after the input: "USD/h", "%". */
  unit?: string;
  inputMode?: "decimal" | "numeric" | "text";
}

export function TextField({ id, label, value, onChange, error, help, unit, inputMode = "decimal" }: TextFieldProps) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pf-field">
      <label htmlFor={id}>{label}</label>
      <span className="pf-input-row">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {unit ? <span className="pf-unit">{unit}</span> : null}
      </span>
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="pf-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckField({ id, label, checked, onChange, help }: { id: string; label: string; checked: boolean; onChange: (value: boolean) => void; help?: ReactNode }) {
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={help ? `${id}-help` : undefined} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
    </div>
  );
}

export function TextArea({ id, label, value, onChange, error, help }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; help?: ReactNode }) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pf-field pf-field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} spellCheck={false} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="pf-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
