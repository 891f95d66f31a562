import type { SystemSummary } from "../../../common/schemas";
import { formatBytes } from "../format/bytes";
import { formatCount } from "../format/count";
import { formatDateTime } from "../format/date-time";

/** The machine as the app sees it: what a tenant could rent. Facts only, straight from the core. */
export function HardwareSummary({ summary }: { summary: SystemSummary }) {
  const { cpu, memory, disks, gpus, os } = summary;
  return (
    <div className="hardware">
      <dl className="facts">
        <div className="fact">
          <dt>Processor</dt>
          <dd>
            <span className="fact-main" data-testid="cpu-model">
              {cpu.model}
            </span>
            <span className="fact-sub" data-testid="cpu-threads">
              {formatCount(cpu.physicalCores, "core")} · {formatCount(cpu.threads, "thread")}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Memory</dt>
          <dd>
            <span className="fact-main">{formatBytes(memory.totalBytes)}</span>
            <span className="fact-sub">{formatBytes(memory.availableBytes)} available now</span>
          </dd>
        </div>
        <div className="fact">
          <dt>System</dt>
          <dd>
            <span className="fact-main">{summary.hostname}</span>
            <span className="fact-sub">{[os.distro, os.release, os.arch].filter(Boolean).join(" ") || os.platform}</span>
          </dd>
        </div>
      </dl>

      <h3 className="subheading">{gpus.length === 0 ? "GPUs" : formatCount(gpus.length, "GPU")}</h3>
      {gpus.length === 0 ? (
        <p className="notice" data-testid="no-gpu">
          No GPU detected. GPU leases pay the most; without a GPU this machine can still offer CPU, memory and storage.
        </p>
      ) : (
        <ul className="list" aria-label="GPUs">
          {gpus.map((gpu, index) => (
            <li key={`${gpu.busId ?? "gpu"}-${index}`} className="list-row">
              <span className="list-main">
                {gpu.vendor} {gpu.model}
              </span>
              <span className="list-sub">
                {gpu.vramBytes === null ? "VRAM unknown" : `${formatBytes(gpu.vramBytes)} VRAM`}
                {gpu.busId ? ` · bus ${gpu.busId}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="subheading">{disks.length === 0 ? "Disks" : formatCount(disks.length, "disk")}</h3>
      {disks.length === 0 ? (
        <p className="notice">No disks reported by the operating system.</p>
      ) : (
        <ul className="list" aria-label="Disks">
          {disks.map((disk, index) => (
            <li key={`${disk.name}-${index}`} className="list-row">
              <span className="list-main">{disk.name}</span>
              <span className="list-sub">
                {disk.type} · {formatBytes(disk.sizeBytes, "decimal")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="footnote">Detected {formatDateTime(summary.collectedAt)}</p>
    </div>
  );
}
