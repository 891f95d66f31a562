import { expect, it } from "vitest";

// Every script runs on the Node pinned in devDependencies (what Electron 45 embeds), not the system one.
it("runs on Node 22.12 or later", () => {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
});
