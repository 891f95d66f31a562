import type { Handlers } from "../../common/contract";
import type { BidEngineHost } from "./engine-host";

type EngineHandlers = Pick<Handlers, "bidengine.status" | "bidengine.pause" | "bidengine.resume" | "bidengine.setGaming">;

/** The running engine's controls: status for the dashboard and tray, pause/resume, gaming mode. */
export function engineHandlers(host: BidEngineHost): EngineHandlers {
  return {
    "bidengine.status": () => host.status(),
    "bidengine.pause": () => host.pause(),
    "bidengine.resume": () => host.resume(),
    "bidengine.setGaming": ({ on }) => host.setGaming(on),
  };
}
