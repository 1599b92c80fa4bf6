import { expect, test as base } from "@playwright/test";

// The `test` every spec uses: Playwright's, plus a watch on the Content-Security-Policy (issue #9,
// section 3). On every page any test opens (all pages of its browser context, popups and new tabs
// included) it records each CSP violation, from the page's own `securitypolicyviolation` event and
// from Chromium's console ("Refused to …"), and each error about the Permissions-Policy header; the
// test fails if any was recorded. A test that provokes a violation on purpose asserts it and removes
// it from `cspViolations`.
export * from "@playwright/test";

const REPORTED = /\[csp-violation\]|Refused to|Content Security Policy|Permissions-Policy/i;

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} — ${e.sample}`);
        });
      });
      context.on("console", (message) => {
        if (REPORTED.test(message.text())) violations.push(`${message.location().url || message.page()?.url() || "?"}: ${message.text()}`);
      });
      context.on("weberror", (error) => {
        if (REPORTED.test(error.error().message)) violations.push(`${error.page()?.url() ?? "?"}: ${error.error().message}`);
      });
      await use(violations);
      expect(violations, "Content-Security-Policy or Permissions-Policy problems on the pages this test opened").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
