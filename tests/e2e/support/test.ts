import { test as base } from "@playwright/test";
import { sessionCookie, type DemoAccount } from "./session-cookie";

export { expect, type Page } from "@playwright/test";
export type { DemoAccount } from "./session-cookie";

interface SignInFixtures {
  /**
   * The demo account the test starts signed in as, by a minted session cookie (no sign-in form):
   * `test.use({ signedInAs: "caseworker" })`. Unset, the test starts signed out.
   */
  signedInAs: DemoAccount | null;
  /** Signs the test's browser context in as another demo account, replacing its session cookie. */
  loginAs: (account: DemoAccount) => Promise<void>;
}

/**
 * Every spec's `test`: Playwright's, with
 *  - a watcher in each page of the test's browser context that records any moment a page showed
 *    its heading without a document title (WCAG 2.4.2). A page reached by a client-side
 *    navigation (every redirect from a server action) once committed its content before its
 *    <title>; `expectNoAccessibilityViolations` fails on any such moment, however brief, so
 *    waiting for the page to settle can never hide it;
 *  - sign-in by cookie (support/session-cookie.ts): `signedInAs` and `loginAs`. The sign-in form
 *    itself is tested in foundation.spec.ts and journeys.spec.ts (support/sign-in.ts).
 */
export const test = base.extend<SignInFixtures>({
  signedInAs: [null, { option: true }],
  context: async ({ context, signedInAs, baseURL }, use) => {
    await context.addInitScript(() => {
      const moments: string[] = [];
      Object.defineProperty(window, "__untitledMoments", { value: moments });
      const check = () => {
        const heading = document.querySelector("h1");
        if (heading && document.title.trim() === "") moments.push(`${location.pathname}${location.search}: "${heading.textContent?.trim()}"`);
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    });
    if (signedInAs) await context.addCookies([await sessionCookie(signedInAs, baseURL!)]);
    await use(context);
  },
  loginAs: async ({ context, baseURL }, use) => {
    await use(async (account) => {
      await context.clearCookies();
      await context.addCookies([await sessionCookie(account, baseURL!)]);
    });
  },
});
