import { createHash } from "node:crypto";
import { MsgCreateProvider, MsgUpdateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { ContractFailure } from "../../common/envelope";
import type { ProviderChange, ProviderPlan } from "../../common/provider-schemas";
import type { OnChainProvider } from "../chain/queries";
import { encodeMsg, type EncodedMsg } from "../chain/tx-queue";
import { validateAttributes, type Attribute } from "./attributes";
import { parseHostUri } from "./host-uri";

// Create or update: compare what the chain has with what the user wants, list every difference for
// the review screen, and build the one message that makes the chain match.

export interface DesiredProvider {
  owner: string;
  hostUri: string;
  attributes: Attribute[];
  info: { email: string; website: string };
}

export function planProvider(current: OnChainProvider | null, desired: DesiredProvider): ProviderPlan {
  parseHostUri(desired.hostUri);
  validateAttributes(desired.attributes);
  if (desired.info.website !== "" && !isUrl(desired.info.website)) {
    throw new ContractFailure("INVALID_INPUT", `The website "${desired.info.website}" is not a URL (like https://example.com).`);
  }
  const changes: ProviderChange[] = [];
  if (current?.hostUri !== desired.hostUri) changes.push({ field: "hostUri", key: null, from: current?.hostUri ?? null, to: desired.hostUri });
  const before = new Map((current?.attributes ?? []).map((a) => [a.key, a.value]));
  const after = new Map(desired.attributes.map((a) => [a.key, a.value]));
  for (const [key, value] of after) if (before.get(key) !== value) changes.push({ field: "attribute", key, from: before.get(key) ?? null, to: value });
  for (const [key, value] of before) if (!after.has(key)) changes.push({ field: "attribute", key, from: value, to: null });
  if ((current?.info.email ?? "") !== desired.info.email) changes.push({ field: "info.email", key: null, from: current?.info.email ?? null, to: desired.info.email });
  if ((current?.info.website ?? "") !== desired.info.website) changes.push({ field: "info.website", key: null, from: current?.info.website ?? null, to: desired.info.website });

  const action = current === null ? "create" : changes.length > 0 ? "update" : "none";
  return { action, owner: desired.owner, current, desired, changes, fingerprint: fingerprint(current, desired) };
}

/** The message that makes the chain match the plan (none for "none"). */
export function providerMessage(plan: ProviderPlan): EncodedMsg | null {
  if (plan.action === "none") return null;
  const fields = { owner: plan.owner, hostUri: plan.desired.hostUri, attributes: plan.desired.attributes, info: plan.desired.info };
  return plan.action === "create" ? encodeMsg(MsgCreateProvider, fields) : encodeMsg(MsgUpdateProvider, fields);
}

function fingerprint(current: OnChainProvider | null, desired: DesiredProvider): string {
  return createHash("sha256").update(JSON.stringify([current, desired])).digest("hex").slice(0, 32);
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
