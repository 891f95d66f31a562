import { JoinTarget } from "./cluster-schemas";

// "Add another machine" shows one string the owner pastes on the second rig. It is the join target
// (server URL + node token) as base64url JSON behind a recognisable prefix. Pure: the renderer decodes it too.

const PREFIX = "apd-join-v1.";

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeJoinCode(target: JoinTarget): string {
  return PREFIX + toBase64Url(JSON.stringify(JoinTarget.parse(target)));
}

/** The join target in a pasted code, or an Error saying what is wrong with it. */
export function decodeJoinCode(code: string): JoinTarget | Error {
  const trimmed = code.trim();
  if (!trimmed.startsWith(PREFIX)) return new Error("this is not a join code from Akash Provider Desktop (it should start with apd-join-v1.)");
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(trimmed.slice(PREFIX.length)));
  } catch {
    return new Error("the join code is damaged: copy it again from the first machine");
  }
  const parsed = JoinTarget.safeParse(json);
  return parsed.success ? parsed.data : new Error(`the join code is damaged: ${parsed.error.issues[0]?.message ?? "invalid"}`);
}
