import { expect, test, type DemoAccount, type Page } from "./support/test";

/**
 * Readable labels everywhere: no stored enum value (snake_case, or a lower-case code such as a
 * strand's "sesmp") reaches a page. Signs in as each demo role and visits every page reachable by
 * links from its home page over the demo data (breadth first, GET only, downloads skipped), and
 * fails on any enum-like token in the page's main content, naming the page and the token.
 */

/** A snake_case token ("left_early", "ia_opportunity") or a stored code with no words of its own. */
const ENUM_LIKE = /\b(?:[a-z0-9]+(?:_[a-z0-9]+)+|sesmp|sessb|ses_p2_national|non_uc)\b/g;

/** Links that download a file or change something rather than show a page. */
const NOT_A_PAGE = /\/export\b|\/email\/[^/]+$|sign-out|\/api\//;

const PAGES_PER_ROLE = Number(process.env.SES_E2E_CRAWL_LIMIT ?? 80);

async function enumTokensOn(page: Page): Promise<string[]> {
  const text = await page.locator("main").innerText();
  return [...new Set(text.match(ENUM_LIKE) ?? [])];
}

async function crawl(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  while (queue.length > 0 && seen.size <= PAGES_PER_ROLE) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const tokens = await enumTokensOn(page);
    if (tokens.length > 0) found[path] = tokens;
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const target = href.split("#")[0];
      if (target === "" || seen.has(target) || NOT_A_PAGE.test(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return found;
}

for (const account of ["caseworker", "nominatedOfficer", "manager", "administrator"] as const satisfies readonly DemoAccount[]) {
  test.describe(`readable labels as the ${account}`, () => {
    test.use({ signedInAs: account });
    test.setTimeout(600_000);

    test("no page reachable from the demo data shows an enum value", async ({ page }) => {
      expect(await crawl(page)).toEqual({});
    });
  });
}
