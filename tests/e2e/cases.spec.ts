import { expect, test } from "@playwright/test";
import { demoCaseId } from "../../lib/db/seed/demo-data";
import { expectNoAccessibilityViolations } from "./support/axe";
import { DEMO_USERS, signInAs } from "./support/sign-in";

test.describe("the work queue and a case's clocks (issue 3)", () => {
  test("open cases come soonest deadline first, each with its most urgent clock as text", async ({ page }) => {
    await signInAs(page, DEMO_USERS.caseworker);
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Cases" }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "All open" }).click();
    await expect(page.getByRole("link", { name: "All open" })).toHaveAttribute("aria-current", "page");
    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toBeVisible();
    // The first row's deadline tag is the most pressing: overdue or due soon, said in words.
    await expect(rows.first()).toContainText(/Overdue|Due today|Due in \d+ working days?/);
    await expectNoAccessibilityViolations(page);
  });

  test("a case shows every clock with its status and explains why each date (13.13, 13.17)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.caseworker);
    await page.goto(`/cases/${demoCaseId("uc-accepted-overdue")}`);
    const deadlines = page.getByRole("table", { name: "Deadlines" });
    const startRow = deadlines.getByRole("row").filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
    await expect(startRow).toContainText(/Overdue by \d+ working days?/);
    await startRow.getByText("Why this date").click();
    await expect(startRow).toContainText(/20 working days/);
    await expect(startRow).toContainText(/referral date/i);
    await expectNoAccessibilityViolations(page);
  });

  test("a Scottish case counts Scotland's bank holidays: St Andrew's Day is named where it is skipped", async ({ page }) => {
    await signInAs(page, "caseworker.glasgow@ses.example");
    await page.goto(`/cases/${demoCaseId("s17-glasgow-at-risk")}`);
    const startRow = page
      .getByRole("table", { name: "Deadlines" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
    await expect(startRow).toContainText(/Due in \d+ working days?|Due today|Overdue/);
    await expectNoAccessibilityViolations(page);
  });

  test("an SCR case does not exist for a caseworker: 404 like a random id, absent from lists (AC-01, AC-02)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.caseworker);
    const scr = await page.goto(`/cases/${demoCaseId("scr-referred")}`);
    const scrBody = await page.locator("main").innerText();
    const random = await page.goto("/cases/00000000-0000-4000-8000-000000000000");
    const randomBody = await page.locator("main").innerText();
    expect(scr?.status()).toBe(404);
    expect(random?.status()).toBe(404);
    expect(scrBody).toBe(randomBody);

    await page.goto("/cases?view=open");
    const references = await page.locator("table tbody tr td:first-child").allInnerTexts();
    await page.goto("/cases?view=open&page=2");
    references.push(...(await page.locator("table tbody tr td:first-child").allInnerTexts()));
    expect(references.length).toBeGreaterThan(0);
    await expect(page.getByText("SCR", { exact: true })).toHaveCount(0);

    // The nominated officer sees it, marked for the ruleset (13.77, 3.43).
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInAs(page, DEMO_USERS.nominatedOfficer);
    const allowed = await page.goto(`/cases/${demoCaseId("scr-referred")}`);
    expect(allowed?.status()).toBe(200);
    await expect(page.getByText(/SCR (participant|customer)/).first()).toBeVisible();
  });
});
