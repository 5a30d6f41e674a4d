import { test as base } from "@playwright/test";

export { expect, type Page } from "@playwright/test";

/**
 * Every spec's `test`: Playwright's, with a watcher in each page of the test's browser context
 * that records any moment a page showed its heading without a document title (WCAG 2.4.2). A page
 * reached by a client-side navigation (every redirect from a server action) once committed its
 * content before its <title>; `expectNoAccessibilityViolations` fails on any such moment, however
 * brief, so waiting for the page to settle can never hide it.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await context.addInitScript(() => {
      const moments: string[] = [];
      Object.defineProperty(window, "__untitledMoments", { value: moments });
      const check = () => {
        const heading = document.querySelector("h1");
        if (heading && document.title.trim() === "") moments.push(`${location.pathname}${location.search}: "${heading.textContent?.trim()}"`);
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await use(context);
  },
});
