import type { ProviderApi } from "../../../../common/api";
import type { GpuModelChoice } from "../../../../common/hardware-schemas";
import { CallView } from "../../components/call-view";
import { ActionError } from "./action-error";
import { useCall } from "../../hooks/use-call";
import { HardwareReportView } from "../hardware/hardware-report-view";
import { useAction } from "./use-action";

/** Step 1: the hardware report with a verdict per item; an unknown GPU model is resolved here. */
export function HardwareStep({ api, onContinue }: { api: ProviderApi; onContinue: () => void }) {
  const report = useCall(api, "hardware.report");
  const models = useCall(api, "hardware.gpuModels");
  const choose = useAction<unknown>();
  const onChooseModel = async (busId: string, choice: GpuModelChoice | null) => {
    if (await choose.run(() => api["hardware.setGpuModel"]({ busId, choice }))) report.reload();
  };
  return (
    <div className="stack">
      <CallView result={report} loadingLabel="Detecting hardware…">
        {(value) => (
          <>
            <HardwareReportView report={value} models={models.status === "ok" ? models.value : undefined} onChooseModel={(busId, choice) => void onChooseModel(busId, choice)} />
            {choose.state.status === "error" ? <ActionError error={choose.state.error} /> : null}
            <div className="actions">
              <button type="button" className="button" onClick={report.reload}>
                Check again
              </button>
              <button type="button" className="button button-primary" disabled={value.overall === "unsupported"} onClick={onContinue}>
                Continue
              </button>
              {value.overall === "unsupported" ? <span className="help">This machine cannot be a provider until the items marked Unsupported are fixed.</span> : null}
            </div>
          </>
        )}
      </CallView>
    </div>
  );
}
