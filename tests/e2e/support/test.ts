import { test as base, type BrowserContext, type Locator } from "@playwright/test";
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
 *  - field actions (fill, check, selectOption…) that wait until React has hydrated the field, as
 *    a person's typing effectively does;
 *  - sign-in by cookie (support/session-cookie.ts): `signedInAs` and `loginAs`. The sign-in form
 *    itself is tested in foundation.spec.ts and journeys.spec.ts (support/sign-in.ts).
 */
export const test = base.extend<SignInFixtures>({
  signedInAs: [null, { option: true }],
  context: async ({ context, signedInAs, baseURL, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) hydratingContexts.add(context);
    context.on("page", (page) => patchFieldActions(page.locator("html")));
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

/**
 * Contexts whose pages run React. In them, typing into a server-rendered field before React has
 * hydrated it can be undone by hydration (React re-initialises a <textarea>'s value from its
 * props), so a test would submit an empty field that a person could never produce by hand.
 */
const hydratingContexts = new WeakSet<BrowserContext>();
const HYDRATION_WAIT_MS = 10_000;

/** Waits until React has hydrated the element (it carries React's props), or gives up quietly. */
export async function waitForHydration(locator: Locator): Promise<void> {
  if (!hydratingContexts.has(locator.page().context())) return;
  const handle = await locator.elementHandle();
  if (!handle) return;
  try {
    await locator
      .page()
      .waitForFunction((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$")), handle, { timeout: HYDRATION_WAIT_MS });
  } catch {
    // A field React does not render (never the case in this app): act on it as it is.
  } finally {
    await handle.dispose();
  }
}

/** The Locator actions that change a field's value, each made to wait for hydration first. */
const FIELD_ACTIONS = ["fill", "clear", "check", "uncheck", "setChecked", "selectOption", "pressSequentially", "setInputFiles"] as const;

let patched = false;

/** Patches Playwright's Locator class once (its prototype is reached through any locator). */
function patchFieldActions(sample: Locator): void {
  if (patched) return;
  patched = true;
  const prototype = Object.getPrototypeOf(sample) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of FIELD_ACTIONS) {
    const original = prototype[name];
    prototype[name] = async function (this: Locator, ...args: unknown[]) {
      await waitForHydration(this);
      return original.apply(this, args);
    };
  }
}
