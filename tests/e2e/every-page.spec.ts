import AxeBuilder from "@axe-core/playwright";
import { REFLOW_WIDTH, sidewaysScroll } from "./support/reflow";
import { expect, test, type DemoAccount, type Page } from "./support/test";

/**
 * Every page a role can reach, checked as a new user would meet it (docs/security.md UX-01,
 * WCAG 2.2 AA; docs/decisions/0018-check-answers-before-a-case-is-created.md point 6). Signs in as each demo role and
 * visits every page reachable by links from its home page over the demo data (breadth first, GET
 * only, downloads skipped) and checks:
 *  - readable labels: no enum-like token (snake_case, or a stored code such as a strand's "sesmp")
 *    in the page's main content, on every page visited;
 *  - on the first page of each kind (the path with its ids taken out, and the names of its query
 *    parameters): a title ending "– SES Casework", zero axe violations, and no sideways scrolling
 *    at 320 CSS px (WCAG 1.4.10: wide tables scroll in their own container).
 * Every finding is collected, so one run names every page that fails and why.
 */

/** A snake_case token ("left_early", "ia_opportunity") or a stored code with no words of its own. */
const ENUM_LIKE = /\b(?:[a-z0-9]+(?:_[a-z0-9]+)+|sesmp|sessb|ses_p2_national|non_uc)\b/g;

/** Links that download a file or change something rather than show a page. */
const NOT_A_PAGE = /\/export\b|\/email\/[^/]+$|sign-out|\/api\/|\/download/;

const PAGES_PER_ROLE = Number(process.env.SES_E2E_CRAWL_LIMIT ?? 80);
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const DESKTOP = { width: 1280, height: 800 };

/** The kind of page: ids (UUIDs, numbers) out of the path, and only the names of the query parameters. */
function pageKind(href: string): string {
  const url = new URL(href, "http://localhost");
  const path = url.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, "/:id").replace(/\/\d+(?=\/|$)/g, "/:n");
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length > 0 ? `${path}?${keys.join("&")}` : path;
}

async function findingsOn(page: Page, checkKind: boolean): Promise<string[]> {
  const findings: string[] = [];
  const tokens = [...new Set((await page.locator("main").innerText()).match(ENUM_LIKE) ?? [])];
  if (tokens.length > 0) findings.push(`enum values shown: ${tokens.join(", ")}`);
  if (!checkKind) return findings;

  const title = await page.title();
  if (!/^(Error: )?\S.* – SES Casework$/.test(title)) findings.push(`title "${title}" does not end "– SES Casework"`);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const violation of axe.violations) {
    findings.push(`axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join("; ")})`);
  }
  await page.setViewportSize({ width: REFLOW_WIDTH, height: DESKTOP.height });
  const reflow = await sidewaysScroll(page);
  if (reflow.scrollWidth > reflow.clientWidth || reflow.offenders.length > 0) {
    findings.push(`scrolls sideways at ${REFLOW_WIDTH} px (${reflow.scrollWidth} px wide): ${reflow.offenders.join(", ")}`);
  }
  await page.setViewportSize(DESKTOP);
  return findings;
}

async function crawl(page: Page): Promise<{ found: Record<string, string[]>; visited: number; kinds: number }> {
  const found: Record<string, string[]> = {};
  const seen = new Set<string>(["/"]);
  const kinds = new Set<string>();
  const queue = ["/"];
  let visited = 0;
  await page.setViewportSize(DESKTOP);
  while (queue.length > 0 && visited < PAGES_PER_ROLE) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    visited += 1;
    const kind = pageKind(path);
    const newKind = !kinds.has(kind);
    kinds.add(kind);
    const findings = await findingsOn(page, newKind);
    if (findings.length > 0) found[path] = findings;
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const target = href.split("#")[0];
      if (target === "" || seen.has(target) || NOT_A_PAGE.test(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return { found, visited, kinds: kinds.size };
}

for (const account of ["caseworker", "nominatedOfficer", "manager", "administrator"] as const satisfies readonly DemoAccount[]) {
  test.describe(`every page as the ${account}`, () => {
    test.use({ signedInAs: account });
    test.setTimeout(600_000);

    test("shows no enum value, and each kind of page has its title, passes axe and reflows at 320 px (UX-01)", async ({ page }) => {
      const { found, visited, kinds } = await crawl(page);
      expect(visited, "pages reached from the home page").toBeGreaterThan(3);
      test.info().annotations.push({ type: "crawl", description: `${visited} pages, ${kinds} kinds` });
      expect(found).toEqual({});
    });
  });
}
