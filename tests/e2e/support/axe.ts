import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TITLE_SUFFIX = " – SES Casework";

/**
 * The page's title, checked the moment its heading is visible: a title that arrives later is a
 * defect (WCAG 2.4.2), so this never waits for it. Also fails if the page's watcher (support/test.ts)
 * saw any earlier moment with a heading and no title, e.g. during a redirect from a server action.
 */
export async function expectPageTitled(page: Page, title?: string | RegExp): Promise<void> {
  await expect(page.locator("h1").first()).toBeVisible();
  const state = await page.evaluate(() => ({
    title: document.title,
    titles: document.querySelectorAll("title").length,
    untitled: (window as unknown as { __untitledMoments?: string[] }).__untitledMoments ?? [],
  }));
  expect(state.untitled, "pages shown with a heading but no <title>").toEqual([]);
  expect(state.titles, `exactly one <title> on ${page.url()}`).toBe(1);
  expect(state.title, `the <title> of ${page.url()}`).toMatch(/^(Error: )?\S.* – SES Casework$/);
  if (typeof title === "string") expect(state.title.replace(/^Error: /, "")).toBe(`${title}${TITLE_SUFFIX}`);
  else if (title) expect(state.title).toMatch(title);
}

/** WCAG 2.2 AA checks on the page as it is now (docs/security.md UX-01): a title, and zero axe violations. */
export async function expectNoAccessibilityViolations(page: Page, options: { title?: string | RegExp } = {}): Promise<void> {
  await expectPageTitled(page, options.title);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}
