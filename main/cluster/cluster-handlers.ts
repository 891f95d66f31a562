import type { Handlers } from "../../common/contract";
import type { ClusterService } from "./cluster-service";

type ClusterHandlers = Pick<Handlers, "cluster.preflight" | "cluster.plan" | "cluster.install" | "cluster.status" | "cluster.health" | "cluster.uninstall" | "cluster.joinToken">;

export function clusterHandlers(cluster: ClusterService): ClusterHandlers {
  return {
    "cluster.preflight": (input) => cluster.preflight(input?.role ?? "server"),
    "cluster.plan": (input) => cluster.plan(input),
    "cluster.install": (input) => cluster.install(input),
    "cluster.status": () => cluster.status(),
    "cluster.health": () => cluster.health(),
    "cluster.uninstall": (input) => cluster.uninstall(input),
    "cluster.joinToken": (input) => cluster.joinInfo(input?.advertiseAddress),
  };
}
