import type { Locator, Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/test";

/** Press Tab until `target` has focus (keyboard only: no clicks), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${String(target)} with Tab`);
}

/** The page is no wider than the viewport: no sideways scroll (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page, "page width at this viewport").toBeLessThanOrEqual(widths.viewport);
}

/** The work queue (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md). */
test.describe("the work queue: filter, start order and bulk reassignment", () => {
  // Bulk reassignment changes demo cases other tests read, so this journey runs alone.
  test("a manager lands on All open, filters and sorts by keyboard, and reassigns two cases in one step", { lock: "-exclusive-" }, async ({ page, loginAs }) => {
    await loginAs("manager");
    await page.goto("/cases");
    await expect(page.getByRole("link", { name: "All open" })).toHaveAttribute("aria-current", "page");
    await expectNoAccessibilityViolations(page, { title: "Cases" });

    // Filter: the clock status "Waiting to start", applied with Enter.
    const clockFilter = page.getByLabel("Clock", { exact: true });
    await tabTo(page, clockFilter);
    await clockFilter.selectOption({ label: "Waiting to start" });
    // And one site (the demo manager holds none): both cases reassigned below must share a site
    // whatever another spec has transferred meanwhile, since a caseworker takes the cases of their sites.
    const siteFilter = page.getByLabel("Site", { exact: true });
    await tabTo(page, siteFilter);
    await siteFilter.selectOption({ label: "Leeds Central" });
    await tabTo(page, page.getByRole("button", { name: "Apply filters" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]clock=start-running/);
    await expect(page).toHaveURL(/[?&]site=/);
    await expect(page.getByRole("link", { name: /Remove filter Clock: Waiting to start/ })).toBeVisible();
    await expectNoAccessibilityViolations(page, { title: "Cases" });

    // Sort: fewest working days left to start first; the filter is kept.
    await tabTo(page, page.getByRole("link", { name: "Start within 20 working days" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=start-deadline/);
    await expect(page).toHaveURL(/clock=start-running/);
    const header = page.getByRole("columnheader", { name: "Start within 20 working days" });
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    const rows = page.locator("table tbody tr");
    // Every row's start clock is still running, the first the most pressing (13.13).
    await expect(rows.first()).toContainText(/Overdue|Due today|Due soon/);
    await expect(page.locator("table tbody")).not.toContainText("Met on time");
    await expectNoAccessibilityViolations(page, { title: "Cases" });

    // Bulk reassignment: two checkboxes ticked with Space, then the check page, then confirm.
    // The first row and the next one held by the same caseworker (or as unassigned), so that another
    // caseworker of the site holds neither and both cases move, whatever the demo data's date.
    const caseworkerColumn = (await page.locator("table thead th").allInnerTexts()).findIndex((text) => text.trim() === "Caseworker");
    expect(caseworkerColumn, "the queue has a Caseworker column").toBeGreaterThanOrEqual(0);
    const holderOf = async (row: Locator) => (await row.locator("td, th").nth(caseworkerColumn).innerText()).trim();
    const firstHolder = await holderOf(rows.nth(0));
    let second = 1;
    for (let i = 1; i < (await rows.count()); i++) {
      if ((await holderOf(rows.nth(i))) === firstHolder) {
        second = i;
        break;
      }
    }
    const references = [
      (await rows.nth(0).locator('a[href^="/cases/"]').innerText()).trim(),
      (await rows.nth(second).locator('a[href^="/cases/"]').innerText()).trim(),
    ];
    // The two rows as listed, with their current caseworkers.
    const holders = [await rows.nth(0).innerText(), await rows.nth(second).innerText()];
    for (const reference of references) {
      await tabTo(page, page.getByRole("checkbox", { name: `Select ${reference}` }));
      await page.keyboard.press("Space");
      await expect(page.getByRole("checkbox", { name: `Select ${reference}` })).toBeChecked();
    }
    await tabTo(page, page.getByRole("button", { name: "Reassign selected cases" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Reassign cases" })).toBeVisible();
    await expect(page.locator("table tbody tr")).toHaveCount(2);
    await expectNoAccessibilityViolations(page, { title: "Reassign cases" });

    // Continue without choosing: an error, nothing changed.
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    await expect(page.locator(".govuk-error-summary")).toContainText("Select the caseworker to assign the cases to");
    await expectNoAccessibilityViolations(page, { title: "Reassign cases" });

    const who = page.getByLabel("Assign them to");
    await tabTo(page, who);
    // A caseworker who holds neither case, so both move.
    // An option reads "Name (Site)", with "– not at the site of N of the cases" when it cannot take them all.
    const optionTexts = (await who.locator("option").allInnerTexts()).map((text) => text.trim());
    const index = optionTexts.findIndex((text, i) => {
      const person = text.replace(/ \(.*$/, "");
      return i > 0 && person !== "" && !text.includes("not at the site") && !holders.some((row) => row.includes(person));
    });
    await who.selectOption({ index: index > 0 ? index : 1 });
    const chosen = (await who.locator("option:checked").innerText()).trim().replace(/ – not at the site.*$/, "");
    await tabTo(page, page.getByRole("button", { name: "Continue" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Check before you reassign these cases" })).toBeVisible();
    await expect(page.locator(".govuk-summary-list")).toContainText(chosen);
    await expectNoAccessibilityViolations(page, { title: "Check before you reassign these cases" });

    await tabTo(page, page.getByRole("button", { name: "Reassign 2 cases" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "2 cases reassigned" })).toBeVisible();
    await expectNoAccessibilityViolations(page, { title: "2 cases reassigned" });

    // The queue shows the new caseworker on both cases.
    await page.goto(`/cases?view=open&sort=start-deadline&clock=start-running&size=50`);
    const name = chosen.replace(/ \(.*$/, "");
    for (const reference of references) {
      await expect(page.locator("table tbody tr").filter({ has: page.getByRole("link", { name: reference, exact: true }) })).toContainText(name);
    }
  });

  test("a manager's home shows the headline figures, and a count drills down to the cases behind it", async ({ page, loginAs }) => {
    await loginAs("manager");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Headline figures" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const missed = page.locator(".govuk-summary-list__row").filter({ hasText: "Start deadline missed" }).getByRole("link");
    const count = Number.parseInt(await missed.innerText(), 10);
    await missed.click();
    // docs/decisions/0029-manager-dashboard-drill-downs.md: the dashboard's own list of the cases behind the count.
    await expect(page).toHaveURL(/\/dashboard\/cases\?figure=start-missed/);
    await expectNoAccessibilityViolations(page, { title: "Start deadline missed, not started" });
    if (count > 0) {
      const rows = page.locator("table tbody tr");
      // A headline total counts SCR cases; the list never shows one (docs/decisions/0005-restricted-cases-in-manager-figures.md).
      expect(await rows.count()).toBeLessThanOrEqual(count);
      // Every case listed has not started.
      for (const cell of await rows.locator("td:nth-child(9)").all()) await expect(cell).toHaveText("Not set");
      await expect(page.locator("table tbody")).not.toContainText("SCR");
    }

    // The at-risk list is sortable (MoJ sortable table, server-sorted).
    await page.goto("/dashboard");
    const atRiskTable = page.locator("table.ses-at-risk-table");
    await atRiskTable.getByRole("columnheader", { name: "Case", exact: true }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=case/);
    await expect(atRiskTable.getByRole("columnheader", { name: "Case", exact: true })).toHaveAttribute("aria-sort", "ascending");
    const references = (await page.locator("table.ses-at-risk-table tbody tr td:first-child").allInnerTexts()).map((text) => text.trim());
    expect(references).toEqual([...references].sort());
    await expectNoAccessibilityViolations(page);

    // The dashboard's counts link to the same lists.
    await page.goto("/dashboard");
    await page.locator(".govuk-summary-list__row").filter({ hasText: "Unassigned open cases" }).getByRole("link").click();
    await expect(page).toHaveURL(/\/dashboard\/cases\?figure=unassigned/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Unassigned open cases");
  });

  test("the queue and the dashboard reflow at 320 px: wide tables scroll in their own container (WCAG 1.4.10)", async ({ page, loginAs }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await loginAs("caseworker");
    await page.goto("/cases?view=open");
    await expect(page.locator(".ses-table-container table")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page, { title: "Cases" });
    await loginAs("manager");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test("an invalid filter in the address falls back, never an error page", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const response = await page.goto("/cases?view=open&site=not-a-site&clock=late&size=9999&page=-3&state=gone");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "All open" })).toHaveAttribute("aria-current", "page");
    await expect(page.locator("table tbody tr").first()).toBeVisible();
  });
});
