import type { BidGroupSpec, ManifestGroup, ManifestService } from "../../../common/gateway-schemas";
import { ManifestRejected } from "./errors";

// A manifest may not ask for more than the order the provider bid on: each service's resources
// must fit the GroupSpec resource unit with the same id, and the replicas of all services sharing
// that unit may not exceed the unit's count. (Less is allowed: the tenant pays for the bid anyway.)

type Unit = BidGroupSpec["resources"][number]["resource"];

function over(what: string, service: string, asked: bigint, bid: bigint): ManifestRejected {
  return new ManifestRejected("resources_exceed", `service ${service}: ${what} ${asked} exceeds the ${bid} that was bid`);
}

function endpointCounts(unit: Pick<Unit, "endpoints">): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of unit.endpoints ?? []) counts.set(e.kind ?? 0, (counts.get(e.kind ?? 0) ?? 0) + 1);
  return counts;
}

function checkService(service: ManifestService, unit: Unit): void {
  const r = service.resources;
  const pairs: [string, string, string][] = [
    ["cpu", r.cpu.units.val, unit.cpu.units.val],
    ["memory", r.memory.size.val, unit.memory.size.val],
    ["gpu", r.gpu?.units.val ?? "0", unit.gpu?.units.val ?? "0"],
  ];
  for (const [what, asked, bid] of pairs) if (BigInt(asked) > BigInt(bid)) throw over(what, service.name, BigInt(asked), BigInt(bid));
  const bidStorage = new Map((unit.storage ?? []).map((s) => [s.name, BigInt(s.size.val)]));
  for (const s of r.storage ?? []) {
    const bid = bidStorage.get(s.name);
    if (bid === undefined) throw new ManifestRejected("resources_exceed", `service ${service.name}: storage ${s.name} was not in the order`);
    if (BigInt(s.size.val) > bid) throw over(`storage ${s.name}`, service.name, BigInt(s.size.val), bid);
  }
  const bidEndpoints = endpointCounts(unit);
  for (const [kind, count] of endpointCounts(r)) {
    if (count > (bidEndpoints.get(kind) ?? 0)) throw over(`endpoints of kind ${kind}`, service.name, BigInt(count), BigInt(bidEndpoints.get(kind) ?? 0));
  }
}

export function checkResourcesFit(group: ManifestGroup, spec: BidGroupSpec): void {
  const units = new Map(spec.resources.map((u) => [u.resource.id, u]));
  const replicas = new Map<number, number>();
  for (const service of group.services) {
    const unit = units.get(service.resources.id);
    if (!unit) throw new ManifestRejected("resources_exceed", `service ${service.name}: resource unit ${service.resources.id} is not in the order`);
    checkService(service, unit.resource);
    replicas.set(service.resources.id, (replicas.get(service.resources.id) ?? 0) + service.count);
  }
  for (const [id, count] of replicas) {
    const bid = units.get(id)!.count;
    if (count > bid) throw new ManifestRejected("resources_exceed", `resource unit ${id}: ${count} replicas exceed the ${bid} that were bid`);
  }
}
