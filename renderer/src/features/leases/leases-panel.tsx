import { useState } from "react";
import type { EngineStatusView } from "../../../../common/bidengine-live-schemas";
import { EmptyState } from "../../components/empty-state";
import { ErrorMessage } from "../../components/error-message";
import { Loading } from "../../components/loading";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { useEvent } from "../../hooks/use-event";
import { blockTimeNote, DEFAULT_BLOCK_TIME_MS } from "./lease-rate";
import { leaseRange, mergeLeases } from "./lease-rows";
import { LeaseTable } from "./lease-table";
import { servingWarning } from "./serving-warning";
import "./leases.css";

const ENGINE_STATE: Record<EngineStatusView["state"], string> = {
  stopped: "Stopped",
  starting: "Starting",
  running: "Bidding",
  paused: "Paused",
  gaming: "Gaming mode",
  offline: "Offline",
};

function EngineFacts({ engine, openLeases }: { engine: EngineStatusView; openLeases: number }) {
  return (
    <dl className="ls-facts">
      <div>
        <dt>Open bids</dt>
        <dd data-testid="open-bids">{engine.openBids}</dd>
      </div>
      <div>
        <dt>Open leases</dt>
        <dd data-testid="open-leases">{openLeases}</dd>
      </div>
      <div>
        <dt>Bid engine</dt>
        <dd>
          {ENGINE_STATE[engine.state]}
          {engine.reason && <span className="ls-sub">{engine.reason}</span>}
        </dd>
      </div>
    </dl>
  );
}

/**
 * Active and closed leases from the earnings ledger, plus leases the engine won since the ledger's
 * last read; the engine's open bids; and a warning while won leases cannot be served.
 */
export function LeasesPanel() {
  const { api } = useConnection();
  const [range, setRange] = useState(() => leaseRange(new Date()));
  const ledger = useCall(api, "earnings.leases", range);
  const engine = useCall(api, "bidengine.status");
  const gateway = useCall(api, "gateway.status");
  const settings = useCall(api, "bidengine.settings");
  useEvent(api, "bidengine.changed", (change) => {
    engine.set(change.status);
    // A lease won or closed changes the ledger's list; a bid placed does not.
    if (change.activity && change.activity.type !== "bid_placed") ledger.reload();
  });

  const refresh = () => {
    setRange(leaseRange(new Date()));
    for (const call of [ledger, engine, gateway, settings]) call.reload();
  };

  // No wallet yet is a normal "nothing yet", not an error.
  const noWallet = ledger.status === "error" && ledger.error.code === "NOT_FOUND";
  const ledgerKnown = ledger.status === "ok" || noWallet;
  const engineView = engine.status === "ok" ? engine.value : null;
  const { open, closed } = mergeLeases(ledger.status === "ok" ? ledger.value : null, engineView?.leases ?? null);
  const blockTimeMs = settings.status === "ok" ? settings.value.chain.blockTimeMs : DEFAULT_BLOCK_TIME_MS;
  const warning = servingWarning(engineView, gateway.status === "ok" ? gateway.value : null);

  return (
    <div className="ls-panel">
      <div className="ls-controls">
        <button type="button" className="button" onClick={refresh}>
          Refresh leases
        </button>
      </div>
      {warning && (
        <p className="notice ls-warning" data-testid="serving-warning">
          {warning}
        </p>
      )}
      {engine.status === "loading" && <Loading label="Loading the bid engine…" />}
      {engine.status === "error" && <ErrorMessage error={engine.error} onRetry={engine.reload} />}
      {engineView && <EngineFacts engine={engineView} openLeases={open.length} />}

      {ledger.status === "loading" && <Loading label="Loading leases…" />}
      {ledger.status === "error" && !noWallet && <ErrorMessage error={ledger.error} onRetry={ledger.reload} />}
      {ledger.status !== "loading" &&
        (open.length === 0 ? (
          // After a failed read (shown above) "no leases" would be a guess: say nothing then.
          ledgerKnown && (
          <EmptyState title="No active leases">
            Active leases appear here once the provider wins one, with the tenant, the resources, the rate and what each earned.
            {noWallet ? " This machine has no wallet yet: onboarding creates one." : ""}
          </EmptyState>
          )
        ) : (
          <LeaseTable rows={open} caption="Active leases" blockTimeMs={blockTimeMs} />
        ))}
      {closed.length > 0 && <LeaseTable rows={closed} caption="Closed leases, last 12 months" blockTimeMs={blockTimeMs} />}
      {open.length + closed.length > 0 && (
        <p className="footnote">
          $/h at {blockTimeNote(blockTimeMs)}, 1 ACT ≈ $1. Earned so far is what the chain paid out plus what has accrued and not been withdrawn yet.
        </p>
      )}
    </div>
  );
}
