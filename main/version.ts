import { readFileSync } from "node:fs";

/** The app version from package.json, found by walking up from this file (source or bundle). */
export function readAppVersion(): string {
  for (const candidate of ["../package.json", "../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "akash-provider-desktop" && pkg.version) return pkg.version;
    } catch {
      // try the next level
    }
  }
  return "0.0.0";
}
