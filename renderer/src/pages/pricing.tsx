import { CallView } from "../components/call-view";
import { Loading } from "../components/loading";
import { PageHeader } from "../components/page-header";
import { PricingEditor } from "../features/pricing/pricing-editor";
import { ReserveCard } from "../features/pricing/reserve-card";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import type { PageProps } from "./page-props";

/** The bid engine's controls, each change previewed by the engine's own pricing before it is saved. */
export function PricingPage({ focusHeading, navigate }: PageProps) {
  const { api } = useConnection();
  const settings = useCall(api, "bidengine.settings");
  // Detected GPU models get their own price rows; without a hardware report the page still works.
  const report = useCall(api, "hardware.report");
  const detected = report.status === "ok" ? [...new Set(report.value.gpus.map((g) => g.model).filter((m): m is string => m !== null))].sort() : [];
  return (
    <>
      <PageHeader title="Pricing" focusOnMount={focusHeading}>
        What this machine asks per GPU, CPU, memory and storage, and when it bids. Every change is previewed before you save it.
      </PageHeader>
      <CallView result={settings} loadingLabel="Loading the bid engine's settings…">
        {(value) =>
          report.status === "loading" ? (
            <Loading label="Detecting GPU models…" />
          ) : (
            <PricingEditor key={JSON.stringify(detected)} saved={value} detectedModels={detected} onSaved={settings.set} onOpenTariff={() => navigate("earnings")} />
          )
        }
      </CallView>
      {/* What is never sold: why an order can be declined for CPU, memory or disk on a small machine. */}
      <ReserveCard />
    </>
  );
}
