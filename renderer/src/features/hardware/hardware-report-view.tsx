import { useState } from "react";
import type { Check, GpuModelChoice, GpuReport, HardwareReport, Verdict } from "../../../../common/hardware-schemas";
import { formatBytes } from "../../format/bytes";
import "./hardware-report.css";

// The onboarding wizard's first step: every item of the hardware report with its verdict (ready /
// needs action / unsupported) and what to do. Self-contained: it gets the report (and, to resolve an
// unknown GPU, the model list and a callback) and renders; it never calls the API itself.

const VERDICT_LABEL: Record<Verdict, string> = { ready: "Ready", needs_action: "Needs action", unsupported: "Unsupported" };

export interface HardwareReportViewProps {
  report: HardwareReport;
  /** The Akash GPU table, for cards whose model is unknown (hardware.gpuModels). */
  models?: GpuModelChoice[];
  /** Called with the user's choice for the card at busId (hardware.setGpuModel). */
  onChooseModel?: (busId: string, choice: GpuModelChoice | null) => void;
}

export function HardwareReportView({ report, models, onChooseModel }: HardwareReportViewProps) {
  return (
    <div className="hw-report" data-testid="hardware-report">
      <p className={`hw-overall hw-${report.overall}`} role="status">
        <VerdictBadge verdict={report.overall} />{" "}
        {report.overall === "ready" ? "This machine is ready to become an Akash provider." : "Some items below need your attention."}
      </p>

      <h3 className="subheading">GPUs</h3>
      <CheckLine label="GPUs" check={report.gpuCheck} />
      {report.gpus.length > 0 && (
        <ul className="list hw-gpus" aria-label="GPUs">
          {report.gpus.map((gpu, i) => (
            <GpuRow key={`${gpu.busId ?? "gpu"}-${i}`} gpu={gpu} models={models} onChooseModel={onChooseModel} />
          ))}
        </ul>
      )}
      {report.nvidiaSmi.cudaVersion && (
        <p className="hw-note">
          NVIDIA driver {report.nvidiaSmi.driverVersion ?? "unknown"}, CUDA {report.nvidiaSmi.cudaVersion}
        </p>
      )}

      <h3 className="subheading">System</h3>
      <ul className="list hw-checks" aria-label="System">
        <CheckLine label={`CPU: ${report.cpu.model}`} check={report.cpu.check} />
        <CheckLine label={`Memory: ${formatBytes(report.memory.totalBytes)}`} check={report.memory.check} />
        <CheckLine label={`OS: ${[report.os.distro, report.os.release].filter(Boolean).join(" ") || report.os.platform} (kernel ${report.os.kernel || "unknown"})`} check={report.os.check} />
        <CheckLine label="NVIDIA container runtime" check={report.containerRuntime.check} />
        {report.disks.map((d) => (
          <CheckLine key={d.device} label={`Disk ${d.mount}: ${d.type.toUpperCase()}${d.storageClass ? ` (${d.storageClass})` : ""}, ${formatBytes(d.freeBytes, "decimal")} free`} check={d.check} />
        ))}
      </ul>
    </div>
  );
}

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge hw-badge hw-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

function CheckLine({ label, check }: { label: string; check: Check }) {
  return (
    <li className="list-row hw-check">
      <span className="list-main">
        <VerdictBadge verdict={check.verdict} /> {label}
      </span>
      <span className="list-sub">{check.message}</span>
      {check.action && <span className="list-sub hw-action">What to do: {check.action}</span>}
    </li>
  );
}

function GpuRow({ gpu, models, onChooseModel }: { gpu: GpuReport; models?: GpuModelChoice[]; onChooseModel?: HardwareReportViewProps["onChooseModel"] }) {
  const known = gpu.model && gpu.vram && gpu.interface;
  return (
    <li className="list-row hw-gpu">
      <span className="list-main">
        <VerdictBadge verdict={gpu.check.verdict} /> {gpu.name}
        {known ? ` → ${gpu.model} · ${gpu.vram} · ${gpu.interface}` : ""}
      </span>
      <span className="list-sub">
        {[gpu.busId && `bus ${gpu.busId}`, gpu.memoryBytes !== null && `${formatBytes(gpu.memoryBytes)} VRAM`, gpu.powerDrawWatts !== null && `${gpu.powerDrawWatts} W now`]
          .filter(Boolean)
          .join(" · ")}
      </span>
      <span className="list-sub">{gpu.check.message}</span>
      {gpu.check.action && <span className="list-sub hw-action">What to do: {gpu.check.action}</span>}
      {gpu.vendor === "nvidia" && gpu.busId && models && onChooseModel && (gpu.modelSource === "unknown" || gpu.modelSource === "override" || !known) && (
        <ModelPicker busId={gpu.busId} current={gpu.modelSource === "override" && known ? `${gpu.model}/${gpu.vram}/${gpu.interface}` : ""} models={models} onChoose={onChooseModel} />
      )}
    </li>
  );
}

function ModelPicker({ busId, current, models, onChoose }: { busId: string; current: string; models: GpuModelChoice[]; onChoose: NonNullable<HardwareReportViewProps["onChooseModel"]> }) {
  const [value, setValue] = useState(current);
  const nvidia = models.filter((m) => m.vendor === "nvidia");
  return (
    <label className="hw-picker">
      <span>Akash model of this card</span>
      <select
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          const choice = nvidia.find((m) => `${m.model}/${m.vram}/${m.interface}` === e.target.value) ?? null;
          onChoose(busId, choice);
        }}
      >
        <option value="">Not chosen</option>
        {nvidia.map((m) => {
          const key = `${m.model}/${m.vram}/${m.interface}`;
          return (
            <option key={key} value={key}>
              {m.model} · {m.vram} · {m.interface}
            </option>
          );
        })}
      </select>
    </label>
  );
}
