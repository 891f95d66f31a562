import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit, contract and packaging tests run in Node; the e2e project drives Debian's Chromium.
// `electron` resolves to a guard module: a unit test that imports it fails with a clear message
// instead of trying to download the Electron binary.
const electronGuard = fileURLToPath(new URL("./test/support/electron-guard.ts", import.meta.url));

export default defineConfig({
  test: {
    alias: { electron: electronGuard },
    reporters: ["default", "./test/support/summary-reporter.ts"],
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/contract/**/*.test.ts"], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: { name: "slow", include: ["test/packaging/**/*.test.ts", "test/e2e/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
