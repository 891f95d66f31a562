import type { ProviderInput, ProviderPlan } from "../../../../common/provider-schemas";

// The registration form's state and its conversions: to the app's ProviderInput (empty fields left
// out) and from an existing on-chain record (so adopting or updating starts from what the chain has).

export interface ProviderDraft {
  hostUri: string;
  region: string;
  country: string;
  city: string;
  organization: string;
  email: string;
  website: string;
  /** The user's own attributes; a key that the app also generates replaces its value. */
  extra: { key: string; value: string }[];
}

export const EMPTY_DRAFT: ProviderDraft = { hostUri: "", region: "", country: "", city: "", organization: "", email: "", website: "", extra: [] };

const TEXT_FIELDS = ["region", "country", "city", "organization", "email", "website"] as const;
/** Attribute keys the form has a field for; everything else the app generates from the hardware. */
const FORM_KEYS = new Set(["region", "country", "city", "organization", "email"]);
const GENERATED = /^(host|tier|capabilities\/.*)$/u;

export function draftToInput(draft: ProviderDraft): ProviderInput {
  const input: ProviderInput = { hostUri: draft.hostUri.trim() };
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== "") input[field] = value;
  }
  const extra = draft.extra.map((a) => ({ key: a.key.trim(), value: a.value.trim() })).filter((a) => a.key !== "");
  if (extra.length > 0) input.extra = extra;
  return input;
}

export function draftFromRecord(record: NonNullable<ProviderPlan["current"]>): ProviderDraft {
  const attr = (key: string) => record.attributes.find((a) => a.key === key)?.value ?? "";
  return {
    hostUri: record.hostUri,
    region: attr("region"),
    country: attr("country"),
    city: attr("city"),
    organization: attr("organization"),
    email: record.info.email || attr("email"),
    website: record.info.website,
    // Attributes the user added by hand before (not generated, not a form field) stay theirs.
    extra: record.attributes.filter((a) => !FORM_KEYS.has(a.key) && !GENERATED.test(a.key)),
  };
}

const ATTRIBUTE_KEY = /^[a-zA-Z][\w/.-]{1,126}$/u;

/** The chain's rule for attribute keys, with the message for the extra-attribute rows. */
export function attributeKeyProblem(key: string): string | null {
  const trimmed = key.trim();
  if (trimmed === "") return null;
  return ATTRIBUTE_KEY.test(trimmed) ? null : "A key starts with a letter and has 2–127 letters, digits, _ / . or -.";
}
