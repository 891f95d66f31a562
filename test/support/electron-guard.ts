// Stands in for `electron` in every test run (see vitest.config.ts). Importing it is a test bug: unit
// tests build Electron adapters with small fakes passed as parameters.
throw new Error(
  "A test imported 'electron'. Unit tests must not load Electron (it would try to download its binary); " +
    "pass a fake of the Electron object you need to the function under test instead.",
);
