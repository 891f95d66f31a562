import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared` beside the checkout (public fixtures made by others), wherever the checkout lives. */
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}
