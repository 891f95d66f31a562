import { parseDisplayAmount, formatBaseUnits, notMoreThan } from "./amounts";

/** An amount in AKT/ACT with its problem shown inline; `max` (base units) caps it. */
export function AmountField({ id, label, unit, text, max, optional, onChange }: { id: string; label: string; unit: string; text: string; max?: string; optional?: boolean; onChange: (text: string) => void }) {
  const problem = amountProblem(text, max, optional);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} ({unit})
      </label>
      <input id={id} className="input" inputMode="decimal" value={text} aria-invalid={text !== "" && problem !== null} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.value)} />
      <p id={`${id}-help`} className={text !== "" && problem ? "field-error" : "help"}>
        {text !== "" && problem ? problem : max !== undefined ? `Up to ${formatBaseUnits(max)} ${unit}.` : optional ? "Leave empty for all of it." : " "}
      </p>
    </div>
  );
}

/** null when `text` is a usable amount (or empty and optional); otherwise why not. */
export function amountProblem(text: string, max?: string, optional?: boolean): string | null {
  if (optional && text.trim() === "") return null;
  const parsed = parseDisplayAmount(text);
  if (!parsed.ok) return parsed.message;
  if (max !== undefined && !notMoreThan(parsed.base, max)) return `That is more than the ${formatBaseUnits(max)} available.`;
  return null;
}
