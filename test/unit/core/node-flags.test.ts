import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEADLESS_NODE_FLAGS } from "../../../main/node-flags";

// The headless app's V8 flags live in one list; `npm start` must pass every one of them, and this
// Node must accept them (an unknown flag makes node refuse to start).
describe("headless Node flags", () => {
  it("npm start passes every flag to the process that runs the app", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
    const launch = /node ((?:--\S+ )*)dist\/main\/launch\.mjs/u.exec(pkg.scripts.start);
    expect(launch, pkg.scripts.start).not.toBeNull();
    expect(launch![1]!.trim().split(" ").filter(Boolean)).toEqual([...HEADLESS_NODE_FLAGS]);
  });

  it("this Node starts with them, and after a burst of allocation the young generation stays small", () => {
    // Short-lived objects with some survivors, as a catch-up makes; without the flag new space grows to 32 MiB.
    const burst = "let keep = []; for (let i = 0; i < 3e6; i++) { const o = { a: i, b: 'x' + i }; if (i % 10 === 0) keep.push(o); if (keep.length > 50000) keep = []; }";
    const report = "console.log(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)";
    const newSpace = (flags: readonly string[]) => Number(execFileSync(process.execPath, [...flags, "-e", `${burst} ${report}`], { encoding: "utf8" }).trim());
    expect(newSpace(HEADLESS_NODE_FLAGS)).toBeLessThanOrEqual(4 * 2 ** 20);
    expect(newSpace([])).toBeGreaterThan(8 * 2 ** 20);
  });
});
