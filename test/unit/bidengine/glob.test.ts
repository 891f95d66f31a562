import { describe, expect, it } from "vitest";
import { globMatch, toRegExpSource } from "../../../main/bidengine/glob";

// Cases from Go's path/filepath match_test.go semantics (written here from the spec, not copied).
describe("globMatch follows Go's filepath.Match", () => {
  it.each([
    ["abc", "abc", true],
    ["*", "abc", true],
    ["*c", "abc", true],
    ["a*", "a", true],
    ["a*", "ab/c", false],
    ["a*/b", "abc/b", true],
    ["a*/b", "a/c/b", false],
    ["a?c", "abc", true],
    ["a?c", "a/c", false],
    ["a[b-d]e", "ace", true],
    ["a[^b-d]e", "ace", false],
    ["a[^b-d]e", "aze", true],
    ["a[!b]", "ab", true], // Go negates with ^ only: ! is a plain member
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
    ["[\\]a]", "]", true],
    ["[x\\-]", "-", true],
    ["vendor/nvidia/model/*", "vendor/nvidia/model/rtx4090", true],
    ["vendor/nvidia/model/*", "vendor/nvidia/model/rtx4090/ram/24Gi", false],
    ["vendor/nvidia/model/rtx40*", "vendor/nvidia/model/rtx4090", true],
    ["vendor/nvidia/model/a100", "vendor/nvidia/model/rtx4090", false],
    ["region", "region", true],
    ["re.ion", "region", false],
  ])("Match(%j, %j) = %s", (pattern, name, expected) => {
    expect(globMatch(pattern, name)).toBe(expected);
  });

  it.each(["[", "a[", "[]a]", "[-]", "[x-]", "[z-a]", "a\\", "[^]"])("a bad pattern %j matches nothing", (pattern) => {
    expect(toRegExpSource(pattern)).toBeNull();
    expect(globMatch(pattern, pattern)).toBe(false);
  });

  it("fuzz: any pattern compiles to a matcher or to nothing, never throws", () => {
    let seed = 7;
    const alphabet = "ab/*?[]^-\\!.()+$|{}";
    for (let i = 0; i < 5000; i++) {
      let pattern = "";
      for (let k = (seed = (seed * 48271) % 2147483647) % 10; k >= 0; k--) pattern += alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
      expect(typeof globMatch(pattern, "ab/a")).toBe("boolean");
    }
  });
});
