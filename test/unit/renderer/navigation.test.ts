import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE, PAGES, isPageId, pageFromSearch, pageLabel, searchForPage } from "../../../renderer/src/navigation/pages";

describe("pages", () => {
  it("lists the six pages of the app in menu order", () => {
    expect(PAGES.map((p) => p.label)).toEqual(["Onboarding", "Dashboard", "Earnings", "Pricing", "Leases", "Settings"]);
    expect(pageLabel("leases")).toBe("Leases");
  });

  it("reads the page from the query string, falling back to the dashboard", () => {
    expect(pageFromSearch("?page=settings")).toBe("settings");
    expect(pageFromSearch("")).toBe(DEFAULT_PAGE);
    expect(pageFromSearch("?page=admin")).toBe(DEFAULT_PAGE);
    expect(pageFromSearch("?page=")).toBe(DEFAULT_PAGE);
    expect(pageFromSearch("?page=%E0%A4%A")).toBe(DEFAULT_PAGE);
    expect(pageFromSearch("?x=1&page=leases")).toBe("leases");
  });

  it("writes the page into the query string and keeps other parameters", () => {
    expect(searchForPage("", "earnings")).toBe("?page=earnings");
    expect(searchForPage("?page=leases&debug=1", "pricing")).toBe("?page=pricing&debug=1");
    for (const page of PAGES) expect(pageFromSearch(searchForPage("?page=x", page.id))).toBe(page.id);
  });

  it("only accepts known page ids", () => {
    expect(isPageId("dashboard")).toBe(true);
    for (const bad of ["Dashboard", "", null, 1, "toString", "__proto__"]) expect(isPageId(bad)).toBe(false);
  });

  it("never throws on random query strings", () => {
    for (let i = 0; i < 1000; i++) {
      const junk = "?" + Array.from({ length: Math.floor(Math.random() * 40) }, () => String.fromCharCode(Math.floor(Math.random() * 0x3000))).join("");
      expect(isPageId(pageFromSearch(junk))).toBe(true);
    }
  });
});
