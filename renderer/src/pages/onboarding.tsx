import { CallView } from "../components/call-view";
import { Card } from "../components/card";
import { HardwareSummary } from "../components/hardware-summary";
import { PageHeader } from "../components/page-header";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import type { PageProps } from "./page-props";

// The wizard's steps in order (ARCHITECTURE.md, "The data that flows"). Only the hardware report exists
// in this build; the others say so rather than pretend.
const LATER_STEPS = [
  { title: "Network checks", text: "Checks that this machine can reach the chain and that tenants can reach it." },
  { title: "Wallet", text: "Create or import the provider's wallet and confirm its backup." },
  { title: "Funding", text: "The deposit that bids and the provider record need, with the live balance." },
  { title: "Kubernetes", text: "Installs the bundled single-node k3s that runs tenants' workloads." },
  { title: "Provider registration", text: "Registers this machine on chain with attributes from the detected hardware." },
  { title: "Pricing", text: "Sets prices from the electricity this machine uses and the market for its GPUs." },
  { title: "Go live", text: "Starts the bid engine." },
];

export function OnboardingPage({ focusHeading }: PageProps) {
  const { api } = useConnection();
  const summary = useCall(api, "system.summary");
  return (
    <>
      <PageHeader title="Onboarding" focusOnMount={focusHeading}>
        The steps that turn this machine into an Akash provider.
      </PageHeader>
      <ol className="steps">
        <li className="step step-current">
          <Card title="1. Hardware report" headingId="step-hardware" wide>
            <p className="muted">What this machine can offer to tenants, as detected now.</p>
            <CallView result={summary} loadingLabel="Detecting hardware…">
              {(value) => <HardwareSummary summary={value} />}
            </CallView>
          </Card>
        </li>
        {LATER_STEPS.map((step, index) => (
          <li key={step.title} className="step step-later">
            <div className="step-later-body">
              <p className="step-title">
                {index + 2}. {step.title}
              </p>
              <p className="muted">{step.text}</p>
              <p className="tag">Not available in this version yet</p>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
