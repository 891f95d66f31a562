import { describe, expect, it } from "vitest";
import { checkChainRules } from "../../../main/bidengine/chain-rules";
import { decide } from "../../../main/bidengine/decide";
import { normalizeOrders } from "../../../main/bidengine/normalize-order";
import { context, gpuOrder, readFixture, sdlOrder, settingsWith } from "./helpers";

const AUDITOR = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const withAttrs = (...extra: { key: string; value: string }[]) => ({ provider: { ...settingsWith().provider, attributes: [...settingsWith().provider.attributes, ...extra] } });

describe("the chain's rules", () => {
  it("declines the real mainnet order: priced in the legacy IBC denom", () => {
    const [order] = normalizeOrders(readFixture("akash-mainnet/orders-list.json")).orders;
    const d = decide(order!, context());
    expect(d).toMatchObject({ outcome: "declined", reason: "denom_unsupported" });
    expect(d.message).toContain("not uact");
  });

  it("declines an order that is not open, that holds 20 bids, or that we already bid on", () => {
    const ctx = context();
    expect(checkChainRules({ ...gpuOrder(), state: "active" }, ctx, undefined)?.reason).toBe("order_not_open");
    expect(checkChainRules(gpuOrder(), ctx, { bidCount: 20 })).toMatchObject({ reason: "too_many_bids", details: { bidCount: 20, orderMaxBids: 20 } });
    expect(checkChainRules(gpuOrder(), ctx, { bidCount: 19 })).toBeNull();
    expect(checkChainRules(gpuOrder(), ctx, { alreadyBid: true })?.reason).toBe("already_bid");
  });

  it("declines reclamation unless supported", () => {
    const order = { ...gpuOrder(), reclamation: true };
    expect(checkChainRules(order, context(), undefined)?.reason).toBe("reclamation_unsupported");
    expect(checkChainRules(order, context({ chain: { supportsReclamation: true } }), undefined)).toBeNull();
  });

  it("requires placement attributes to be a subset of ours, keys as globs and values exact", () => {
    const order = sdlOrder("storage-classes"); // wants region=us-central, any_of the Akash auditor
    const unsigned = { ...order, signedBy: { allOf: [], anyOf: [] } };
    expect(checkChainRules(unsigned, context(), undefined)).toMatchObject({ reason: "attributes_mismatch", details: { key: "region", value: "us-central" } });
    expect(checkChainRules(unsigned, context(withAttrs({ key: "region", value: "us-central" })), undefined)?.reason).not.toBe("attributes_mismatch");
    expect(checkChainRules(unsigned, context(withAttrs({ key: "region", value: "us-west" })), undefined)?.reason).toBe("attributes_mismatch");
    const globbed = { ...unsigned, attributes: [{ key: "reg*", value: "eu" }] };
    expect(checkChainRules(globbed, context(withAttrs({ key: "region", value: "eu" })), undefined)?.reason).not.toBe("attributes_mismatch");
  });

  it("requires every all_of auditor, or one any_of auditor, to have signed the wanted attributes", () => {
    const order = gpuOrder({ signedBy: [AUDITOR] });
    const unaudited = checkChainRules(order, context(), undefined);
    expect(unaudited).toMatchObject({ reason: "auditor_missing", fix: { setting: "provider.auditorSignatures" } });
    const signed = (attributes: { key: string; value: string }[]) => ({ provider: { ...settingsWith().provider, auditorSignatures: [{ auditor: AUDITOR, attributes }] } });
    expect(checkChainRules(order, context(signed([{ key: "host", value: "akash" }])), undefined)).toBeNull();
    expect(checkChainRules(order, context(signed([{ key: "tier", value: "community" }])), undefined)?.reason).toBe("auditor_missing");
    const anyOf = { ...gpuOrder(), signedBy: { allOf: [], anyOf: ["akash1other", AUDITOR] } };
    expect(checkChainRules(anyOf, context(), undefined)?.reason).toBe("auditor_missing");
    expect(checkChainRules(anyOf, context(signed([{ key: "host", value: "akash" }])), undefined)).toBeNull();
  });

  it("matches GPU attributes against our capabilities/gpu keys, prefix stripped", () => {
    expect(checkChainRules(gpuOrder({ gpuKey: "vendor/nvidia/model/*" }), context(), undefined)).toBeNull();
    expect(checkChainRules(gpuOrder({ gpuKey: "vendor/nvidia/model/rtx4090/ram/24Gi" }), context(), undefined)).toBeNull();
    const a100 = checkChainRules(gpuOrder({ gpuKey: "vendor/nvidia/model/a100" }), context(), undefined);
    expect(a100).toMatchObject({ reason: "gpu_capability_mismatch" });
    expect(a100?.message).toBe("the order wants a100; this provider publishes rtx4090");
    const real = sdlOrder("gpu-basic"); // rtx3080, any_of auditor: drop the signature requirement to reach the GPU check
    expect(checkChainRules({ ...real, signedBy: { allOf: [], anyOf: [] } }, context(), undefined)?.reason).toBe("gpu_capability_mismatch");
  });

  it("matches storage attributes against a capabilities/storage/<n> group and limits volumes", () => {
    const order = { ...sdlOrder("storage-classes"), signedBy: { allOf: [], anyOf: [] }, attributes: [] };
    // default settings publish beta2 (persistent) and ram; the order wants beta3 persistent
    expect(checkChainRules(order, context(), undefined)).toMatchObject({ reason: "storage_capability_mismatch", details: { volume: "data" } });
    const beta3 = withAttrs({ key: "capabilities/storage/3/class", value: "beta3" }, { key: "capabilities/storage/3/persistent", value: "true" });
    expect(checkChainRules(order, context(beta3), undefined)).toBeNull();
    expect(checkChainRules(order, context({ ...beta3, chain: { maxVolumesPerUnit: 2 } }), undefined)).toMatchObject({ reason: "too_many_volumes", details: { volumes: 3, maxVolumes: 2 } });
  });
});
