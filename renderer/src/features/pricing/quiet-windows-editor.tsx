import type { QuietWindow } from "../../../../common/bidengine-schemas";
import type { DraftErrors } from "./draft";

// The availability schedule: windows (local time) in which the engine makes no new bids, e.g. the
// evenings the owner games. A window whose end is before its start runs past midnight.

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

export function QuietWindowsEditor({ windows, errors, onChange }: { windows: QuietWindow[]; errors: DraftErrors; onChange: (next: QuietWindow[]) => void }) {
  const set = (index: number, patch: Partial<QuietWindow>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <div className="pf-quiet">
      {windows.length === 0 ? <p className="muted">No quiet hours: the engine may bid at any time.</p> : null}
      {windows.map((w, index) => {
        const n = index + 1;
        return (
          <fieldset key={index} className="pf-window">
            <legend>Quiet window {n}</legend>
            <div className="pf-days" role="group" aria-label={`Days of quiet window ${n}`}>
              {DAYS.map((day, d) => (
                <label key={day} className="pf-day">
                  <input
                    type="checkbox"
                    checked={w.days.includes(d)}
                    onChange={(event) => set(index, { days: event.target.checked ? [...w.days, d].sort() : w.days.filter((x) => x !== d) })}
                  />
                  {day}
                </label>
              ))}
            </div>
            {errors[`quiet.${index}.days`] ? <p className="pf-error">{errors[`quiet.${index}.days`]}</p> : null}
            <div className="pf-times">
              <label>
                From
                <input type="time" value={w.from} aria-invalid={errors[`quiet.${index}.from`] ? true : undefined} onChange={(e) => set(index, { from: e.target.value })} />
              </label>
              <label>
                To
                <input type="time" value={w.to} aria-invalid={errors[`quiet.${index}.to`] ? true : undefined} onChange={(e) => set(index, { to: e.target.value })} />
              </label>
              <button type="button" className="button" onClick={() => onChange(windows.filter((_, i) => i !== index))}>
                Remove window {n}
              </button>
            </div>
            {errors[`quiet.${index}.from`] ? <p className="pf-error">From: {errors[`quiet.${index}.from`]}</p> : null}
            {errors[`quiet.${index}.to`] ? <p className="pf-error">To: {errors[`quiet.${index}.to`]}</p> : null}
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onChange([...windows, { days: [1, 2, 3, 4, 5], from: "18:00", to: "23:00" }])}>
        Add quiet window
      </button>
    </div>
  );
}
