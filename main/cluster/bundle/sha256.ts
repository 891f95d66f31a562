import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** The sha256 of a file, streamed (the air-gap archives are hundreds of MB); null when it is absent. */
export async function sha256File(path: string): Promise<string | null> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return hash.digest("hex");
}
