import { describe, expect, it } from "vitest";

describe("importing electron in a unit test", () => {
  it("fails with a message that says what to do instead", async () => {
    const name = "electron"; // a variable, so no bundler or linter resolves it statically
    await expect(import(/* @vite-ignore */ name)).rejects.toThrow(/A test imported 'electron'.*pass a fake/s);
  });
});
