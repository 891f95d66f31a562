import type { Page } from "playwright-core";

/**
 * What went wrong on a page while a test drove it: console errors (and warnings unless told not to),
 * uncaught page errors, and CSP violations (an inline style, an eval). The CSP listener comes in
 * through the DevTools protocol, so the page's own CSP does not apply to it. Call before goto().
 */
export async function watchPage(page: Page, options: { warnings?: boolean } = {}): Promise<string[]> {
  const warnings = options.warnings ?? true;
  const problems: string[] = [];
  page.on("console", (m) => (m.type() === "error" || (warnings && m.type() === "warning") ? problems.push(`${m.type()}: ${m.text()}`) : undefined));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction("__reportCsp", (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCsp(text: string): void }).__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}
