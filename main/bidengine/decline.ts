import type { ReasonCode } from "../../common/bidengine-schemas";

// A declined order: a stable code, one sentence with the numbers, the numbers themselves, and where
// one exists the setting that would change the outcome.

export type Details = Record<string, string | number | boolean | null>;

export interface Fix {
  setting: string;
  hint: string;
}

export interface Decline {
  reason: ReasonCode;
  message: string;
  details: Details;
  fix: Fix | null;
}

export function decline(reason: ReasonCode, message: string, details: Details = {}, fix: Fix | null = null): Decline {
  return { reason, message, details, fix };
}
