import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";

// Bank holidays (docs/rules/clocks.md, "Working days"): an administrator adds and removes a bank
// holiday for one nation; each change is validated, audited and recomputes the due dates it affects.
test.use({ signedInAs: "administrator" });

test("an administrator adds a one-off Scottish bank holiday, then removes it after checking what it changes", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Bank holidays" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bank holidays");
  await expectNoAccessibilityViolations(page);

  await page.getByRole("button", { name: "Add a bank holiday", exact: true }).click();
  await expectNoAccessibilityViolations(page);

  // A weekend date is refused with the reason, and what was typed stays.
  await page.getByLabel("Scotland", { exact: true }).check();
  await page.getByLabel("Day", { exact: true }).fill("4");
  await page.getByLabel("Month", { exact: true }).fill("12");
  await page.getByLabel("Year", { exact: true }).fill("2027");
  await page.getByLabel("Name of the bank holiday").fill("Royal celebration");
  await page.getByRole("button", { name: /Add/ }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("weekday");
  await expect(page.getByLabel("Name of the bank holiday")).toHaveValue("Royal celebration");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Day", { exact: true }).fill("3");
  await page.getByRole("button", { name: /Add/ }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(/Bank holiday added/);
  await expect(page.locator(".govuk-notification-banner")).toContainText(/recomputed for \d+ cases?|no recompute|being recomputed in the background/i);

  await page.goto("/admin/bank-holidays?nation=scotland&year=2027");
  const row = page.getByRole("row").filter({ hasText: "Royal celebration" });
  await expect(row).toContainText("Friday 3 December 2027");
  await row.getByRole("link", { name: /Remove/ }).click();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Remove bank holiday" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(/removed/i);
  await expect(page.getByRole("row").filter({ hasText: "Royal celebration" })).toHaveCount(0);
});
