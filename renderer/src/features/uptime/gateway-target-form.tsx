import { useState } from "react";
import type { GatewayTarget, UptimeSummary } from "../../../../common/uptime-schemas";
import type { ContractError } from "../../../../common/envelope";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";

/** "host:port" → a target, or why not. Accepts "[::1]:8443" for IPv6. */
export function parseTarget(text: string): { ok: true; target: GatewayTarget } | { ok: false; message: string } {
  const t = text.trim().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const match = /^\[([0-9a-fA-F:]+)\]:(\d{1,5})$/.exec(t) ?? /^([^:[\]]+):(\d{1,5})$/.exec(t);
  if (!match) return { ok: false, message: "Enter the public host and port tenants use, e.g. provider.example.com:8443." };
  const host = match[1]!;
  const port = Number(match[2]);
  // The same rule as the contract's GatewayTarget (checked again by the app).
  const name = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  const hostOk = host.length <= 253 && (name.test(host) || /^[0-9a-fA-F:]+$/.test(host));
  if (!hostOk || !(port >= 1 && port <= 65_535)) return { ok: false, message: "That host or port is not valid (port 1–65535)." };
  return { ok: true, target: { host, port, tls: true } };
}

/** Where the gateway probe connects: the public address from the provider's host URI. */
export function GatewayTargetForm({ current, onSaved }: { current: UptimeSummary["gatewayTarget"]; onSaved: (s: UptimeSummary) => void }) {
  const { api } = useConnection();
  const [text, setText] = useState(current ? `${current.host.includes(":") ? `[${current.host}]` : current.host}:${current.port}` : "");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const parsed = text.trim() === "" ? ({ ok: true, target: null } as const) : parseTarget(text);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    setBusy(true);
    const result = await api["uptime.updateSettings"]({ gateway: parsed.target });
    setBusy(false);
    if (result.ok) {
      setError(null);
      onSaved(result.value);
    } else setError(result.error);
  }

  return (
    <form className="up-target" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label htmlFor="up-target-input">Gateway address tenants use</label>
      <div className="up-target-row">
        <input
          id="up-target-input"
          type="text"
          spellCheck={false}
          placeholder="provider.example.com:8443"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "up-target-error" : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Checking…" : "Save and check"}
        </button>
      </div>
      {problem ? (
        <p id="up-target-error" className="up-error">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
