import { useCallback, useEffect, useRef, useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import { Card } from "../../components/card";
import { Loading } from "../../components/loading";
import { useEvent } from "../../hooks/use-event";
import type { PageId } from "../../navigation/pages";
import { ClusterStep } from "../cluster/cluster-step";
import { FundingStep } from "../funding/funding-step";
import { NetworkStep } from "../network/network-step";
import { ProviderStep } from "../provider/provider-step";
import { UnlockForm } from "../wallet/unlock-form";
import { WalletStep } from "../wallet/wallet-step";
import { browserStorage, readAcknowledged, writeAcknowledged } from "./acknowledged";
import { HardwareStep } from "./hardware-step";
import { LiveStep } from "./live-step";
import { loadFacts, type LoadedFacts } from "./load-facts";
import { deriveSteps, STEP_IDS, type StepId, type StepStatus } from "./wizard-steps";
import "./forms.css";
import "./wizard.css";

const CLUSTER_SETTLE_MS = 750;

const STATUS_LABEL: Record<StepStatus, string> = { done: "Done", todo: "To do", blocked: "Needs action" };

/** The onboarding wizard: the step list (progress from the app's state) and the open step. */
export function Wizard({ api, navigate }: { api: ProviderApi; navigate: (page: PageId) => void }) {
  const [loaded, setLoaded] = useState<LoadedFacts | null>(null);
  const [generation, setGeneration] = useState(0);
  const [acknowledged, setAcknowledged] = useState(() => readAcknowledged(browserStorage()));
  const [selected, setSelected] = useState<StepId | null>(null);

  useEffect(() => {
    let current = true;
    void loadFacts(api).then((facts) => {
      if (current) setLoaded(facts);
    });
    return () => {
      current = false;
    };
  }, [api, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  useEvent(api, "wallet.changed", refresh);
  useEvent(api, "settings.changed", refresh);
  // An install or uninstall streams many progress events: look again once they pause.
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const openStep = useRef<StepId | null>(null);
  useEvent(api, "cluster.progress", () => {
    // Keep the k3s step open while its run reports, so the result stays on screen.
    if (openStep.current === "cluster") setSelected("cluster");
    clearTimeout(settle.current);
    settle.current = setTimeout(refresh, CLUSTER_SETTLE_MS);
  });
  useEffect(() => () => clearTimeout(settle.current), []);

  if (!loaded) return <Loading label="Checking where you left off…" />;
  const { steps, current } = deriveSteps(loaded.facts, acknowledged);
  const open = selected ?? current ?? "live";
  openStep.current = open;
  const index = STEP_IDS.indexOf(open);
  const advance = () => {
    setSelected(null);
    refresh();
  };
  const acknowledge = (step: StepId) => {
    const next = new Set(acknowledged).add(step);
    writeAcknowledged(browserStorage(), next);
    setAcknowledged(next);
    advance();
  };
  // After an action inside a step (wallet created, provider sent), stay on it to show the result;
  // its Continue button moves on.
  const stayOn = (step: StepId) => () => {
    setSelected(step);
    refresh();
  };
  const wallet = loaded.wallet;
  const network = loaded.network ?? "local";

  return (
    <div className="wizard">
      <nav aria-label="Onboarding steps">
        <ol className="wizard-steps">
          {steps.map((step, i) => (
            <li key={step.id}>
              <button
                type="button"
                className={`wizard-step wizard-${step.status}`}
                aria-current={step.id === open ? "step" : undefined}
                data-testid={`wizard-step-${step.id}`}
                data-status={step.status}
                onClick={() => setSelected(step.id)}
              >
                <span className="wizard-step-title">
                  {i + 1}. {step.title}
                </span>
                <span className="wizard-step-status">{step.id === current ? "Current" : STATUS_LABEL[step.status]}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="wizard-panel">
        {wallet?.state === "locked" && open !== "wallet" ? (
          <Card title="Unlock the wallet" headingId="unlock-heading" wide>
            <UnlockForm api={api} status={wallet} onDone={refresh} />
          </Card>
        ) : null}
        {loaded.errors.length > 0 ? (
          <p className="notice-warn" role="status">
            Some checks could not be done, so some steps may show as not done: {loaded.errors[0]}{" "}
            <button type="button" className="button" onClick={refresh}>
              Check again
            </button>
          </p>
        ) : null}
        <Card title={`${index + 1}. ${steps[index]!.title}`} headingId="wizard-step-heading" wide>
          <div data-testid={`wizard-panel-${open}`}>
            {open === "hardware" ? <HardwareStep api={api} onContinue={() => acknowledge("hardware")} /> : null}
            {open === "network" ? <NetworkStep api={api} network={network} onContinue={() => acknowledge("network")} /> : null}
            {open === "wallet" ? (
              wallet ? (
                <>
                  <WalletStep api={api} status={wallet} onChanged={stayOn("wallet")} />
                  {wallet.state === "unlocked" ? <ContinueButton onClick={advance} /> : null}
                </>
              ) : (
                <Loading label="Reading the wallet…" />
              )
            ) : null}
            {open === "funding" ? (
              wallet?.address ? (
                <FundingStep api={api} address={wallet.address} network={network} onFunded={advance} />
              ) : (
                <NeedsWallet onGo={() => setSelected("wallet")} />
              )
            ) : null}
            {open === "cluster" ? (
              <div className="stack">
                <p className="help">Tenants' containers run in a single-node Kubernetes (k3s) that the app installs and looks after. Nothing runs until you agree to the plan.</p>
                <ClusterStep api={api} />
                <ContinueButton onClick={advance} label={loaded.facts.clusterInstalled ? "Continue" : "Check again and continue"} />
              </div>
            ) : null}
            {open === "provider" ? (
              !wallet?.address ? (
                <NeedsWallet onGo={() => setSelected("wallet")} />
              ) : wallet.state === "locked" ? (
                <p className="help">Unlock the wallet above: registering signs a transaction.</p>
              ) : (
                <>
                  {loaded.facts.funded === false ? <p className="notice-warn">The wallet holds less than the bidding reserve. Registering still works if it can pay the fee; fund it in the Funding step.</p> : null}
                  <ProviderStep api={api} onChanged={stayOn("provider")} />
                  {steps.find((s) => s.id === "provider")?.status === "done" ? <ContinueButton onClick={advance} /> : null}
                </>
              )
            ) : null}
            {open === "pricing" ? (
              <div className="stack">
                <p>The bid engine prices each order from your electricity cost and the market for your GPUs. The defaults are safe; review them before going live.</p>
                <div className="actions">
                  <button type="button" className="button" onClick={() => navigate("pricing")}>
                    Open the Pricing page
                  </button>
                  <button type="button" className="button button-primary" onClick={() => acknowledge("pricing")}>
                    Prices look right: continue
                  </button>
                </div>
              </div>
            ) : null}
            {open === "live" ? (
              <LiveStep
                api={api}
                steps={steps}
                bidding={loaded.facts.bidding}
                live={steps.find((s) => s.id === "live")?.status === "done"}
                onLive={() => acknowledge("live")}
                onDashboard={() => navigate("dashboard")}
              />
            ) : null}
          </div>
        </Card>
      </div>
    </div>
  );
}

function ContinueButton({ onClick, label = "Continue" }: { onClick: () => void; label?: string }) {
  return (
    <div className="actions wizard-continue">
      <button type="button" className="button button-primary" onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

function NeedsWallet({ onGo }: { onGo: () => void }) {
  return (
    <p className="help">
      This step needs the provider's wallet.{" "}
      <button type="button" className="button" onClick={onGo}>
        Go to the wallet step
      </button>
    </p>
  );
}
