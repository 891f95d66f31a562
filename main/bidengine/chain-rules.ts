import { attributesSubset, type CompiledContext } from "./engine-context";
import { decline, type Decline } from "./decline";
import type { NormalizedOrder } from "./order-model";

// The checks MsgCreateBid runs on chain (PROTOCOL §2.3, §2.7), done first and off chain: a bid the
// chain would reject wastes its fee and says nothing useful.

export const BID_DENOM = "uact";

/** Facts about one order that are not in the order itself (from the chain client's bid queries). */
export interface OrderFacts {
  /** Bids the order holds now; unknown when absent. */
  bidCount?: number;
  /** We already hold a bid on it. */
  alreadyBid?: boolean;
  /** Its group's state (deployment Query/Group), where it was read: stale open orders of closed groups exist. */
  groupState?: string;
}

export function checkChainRules(order: NormalizedOrder, ctx: CompiledContext, facts: OrderFacts | undefined): Decline | null {
  for (const unit of order.resources) {
    if (unit.price.denom !== BID_DENOM) {
      return decline(
        "denom_unsupported",
        `priced in ${shortDenom(unit.price.denom)}, not ${BID_DENOM}: a stale order the chain no longer pays`,
        { denom: unit.price.denom },
      );
    }
  }
  if (order.state !== "open") return decline("order_not_open", `the order is ${order.state}, not open`, { state: order.state });
  if (facts?.groupState !== undefined && facts.groupState !== "open") {
    return decline("order_not_open", `its group is ${facts.groupState}, not open: the chain refuses bids on it`, { groupState: facts.groupState });
  }
  if (facts?.alreadyBid) return decline("already_bid", "we already hold a bid on this order");
  const maxBids = ctx.settings.chain.orderMaxBids;
  if (facts?.bidCount !== undefined && facts.bidCount >= maxBids) {
    return decline("too_many_bids", `the order already holds ${facts.bidCount} bids, the chain allows ${maxBids}`, { bidCount: facts.bidCount, orderMaxBids: maxBids });
  }
  if (order.reclamation && !ctx.settings.chain.supportsReclamation) {
    return decline("reclamation_unsupported", "the order requires resource reclamation (AEP-82), which this provider does not offer", {}, {
      setting: "chain.supportsReclamation",
      hint: "needs chain v2.1 support in the app",
    });
  }

  // Our own published attributes must cover the order's in every case (auditors sign attributes a
  // provider publishes; checking both errs towards a missed bid rather than a rejected, paid-for tx).
  const missing = attributesSubset(order.attributes, ctx.attributes);
  if (missing) {
    return decline("attributes_mismatch", `the order wants ${missing.key}=${missing.value}, which this provider does not publish`, { key: missing.key, value: missing.value }, {
      setting: "provider.attributes",
      hint: `publish ${missing.key}=${missing.value} if it is true of this machine`,
    });
  }
  const { allOf, anyOf } = order.signedBy;
  if (allOf.length > 0 || anyOf.length > 0) {
    // Signed requirements: the wanted attributes must be signed by every all_of auditor, or by one any_of auditor.
    const signedBy = (auditor: string) => {
      const signed = ctx.auditorSigned.get(auditor);
      return signed !== undefined && attributesSubset(order.attributes, signed) === null;
    };
    const unsignedAllOf = allOf.filter((a) => !signedBy(a));
    if (unsignedAllOf.length > 0) {
      return decline("auditor_missing", `the order requires attributes signed by ${unsignedAllOf.join(", ")}, which has not audited this provider`, { auditors: unsignedAllOf.join(","), rule: "all_of" }, {
        setting: "provider.auditorSignatures",
        hint: "get this provider audited (x/audit) by that auditor",
      });
    }
    if (anyOf.length > 0 && !anyOf.some(signedBy)) {
      return decline("auditor_missing", `the order requires attributes signed by one of ${anyOf.join(", ")}; none has audited this provider`, { auditors: anyOf.join(","), rule: "any_of" }, {
        setting: "provider.auditorSignatures",
        hint: "get this provider audited (x/audit) by one of them",
      });
    }
  }

  const maxVolumes = ctx.settings.chain.maxVolumesPerUnit;
  for (const unit of order.resources) {
    if (unit.gpuUnits > 0 && unit.gpuAttributes.length > 0) {
      const matched = unit.gpuAttributes.some((w) => attributesSubset([w], ctx.gpuCapabilities) === null);
      if (!matched) {
        const wanted = unit.gpuAttributes.map((a) => gpuLabel(a.key)).join(" or ");
        return decline("gpu_capability_mismatch", `the order wants ${wanted}; this provider publishes ${publishedGpus(ctx) || "no GPU"}`, { wanted }, {
          setting: "provider.attributes",
          hint: "the order's GPU model is not among the published capabilities/gpu/… attributes",
        });
      }
    }
    if (unit.storage.length > maxVolumes) {
      return decline("too_many_volumes", `the order mounts ${unit.storage.length} volumes per replica, this provider supports ${maxVolumes}`, { volumes: unit.storage.length, maxVolumes });
    }
    for (const volume of unit.storage) {
      if (volume.attributes.length === 0) continue;
      if (!ctx.storageGroups.some((group) => attributesSubset(volume.attributes, group) === null)) {
        const wanted = volume.attributes.map((a) => `${a.key}=${a.value}`).join(", ");
        return decline("storage_capability_mismatch", `volume "${volume.name}" wants ${wanted}, which no published storage class offers`, { volume: volume.name, wanted }, {
          setting: "provider.attributes",
          hint: "publish capabilities/storage/<n>/class and …/persistent for the storage you have",
        });
      }
    }
  }
  return null;
}

/** `vendor/nvidia/model/rtx4090/ram/24Gi` → "nvidia rtx4090 (ram 24Gi)"; `…/model/*` → "any nvidia GPU". */
export function gpuLabel(key: string): string {
  const parts = key.split("/");
  const vendor = parts[1] ?? "?";
  const model = parts[3];
  if (model === undefined || model === "*") return `any ${vendor} GPU`;
  const extra: string[] = [];
  for (let i = 4; i + 1 < parts.length; i += 2) extra.push(`${parts[i]} ${parts[i + 1]}`);
  return extra.length ? `${model} (${extra.join(", ")})` : model;
}

function publishedGpus(ctx: CompiledContext): string {
  const models = new Set<string>();
  for (const c of ctx.gpuCapabilities) {
    const parts = c.key.split("/");
    if (parts[2] === "model" && parts[3]) models.add(parts[3]);
  }
  return [...models].join(", ");
}

function shortDenom(denom: string): string {
  return denom.length > 20 ? `${denom.slice(0, 12)}…` : denom;
}
