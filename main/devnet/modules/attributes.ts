import type { ChainError } from "../chain/errors";

export interface Attribute {
  key: string;
  value: string;
}

// Attribute key rule from pkg.akt.dev/go/node/types/attributes/v1: ^([a-zA-Z][\w\/\.\-]{1,126})$.
const KEY_PATTERN = /^([a-zA-Z][\w/.-]{1,126})$/;
// Order-side keys may use glob characters (vendor/nvidia/model/*).
const ORDER_KEY_PATTERN = /^([a-zA-Z][\w/.*?-]{1,126})$/;

/** Validates keys (pattern, no duplicates); `fail` builds the module's error. */
export function validateAttributes(attributes: Attribute[], fail: (detail: string) => ChainError, allowGlob = false): void {
  const seen = new Set<string>();
  for (const { key, value } of attributes) {
    if (!(allowGlob ? ORDER_KEY_PATTERN : KEY_PATTERN).test(key)) throw fail(`attribute key "${key}" does not match the required pattern`);
    if (seen.has(key)) throw fail(`attribute key "${key}" is duplicated`);
    if (value.length > 256) throw fail(`attribute "${key}" value is too long`);
    seen.add(key);
  }
}

/** Go's filepath.Match for the patterns attribute keys use: '*' matches within one path segment, '?' one char. */
export function globMatch(pattern: string, name: string): boolean {
  let regex = "^";
  for (const ch of pattern) {
    if (ch === "*") regex += "[^/]*";
    else if (ch === "?") regex += "[^/]";
    else regex += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`${regex}$`).test(name);
}

/** Every wanted attribute is matched by some provider attribute (key glob + exact value). */
export function attributesSubset(wanted: Attribute[], have: Attribute[]): boolean {
  return wanted.every((w) => have.some((h) => globMatch(w.key, h.key) && w.value === h.value));
}
