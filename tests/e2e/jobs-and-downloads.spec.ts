import { expectNoAccessibilityViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/reflow";
import { expect, test } from "./support/test";

/**
 * The pages of the job layer (docs/decisions/0022-background-jobs.md): a person's reminder digests
 * with the unread count in the header, and the downloads page of background exports — each checked
 * with axe and at 320 px (WCAG 1.4.10). The administrators' jobs page is in embedded-jobs.spec.ts.
 *
 * The demo seed writes today's digest for the Glasgow caseworker (lib/seed/seed-demo.ts), and the
 * demo's lists are far below the background-export threshold, so exports download at once. Queued
 * exports, their progress and the jobs page's retry and cancel are proved by
 * tests/integration/exports/ and tests/integration/jobs/. Each test uses its own account and
 * touches nothing another test reads.
 */
const menu = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Menu" });

test.describe("notifications", () => {
  test.use({ signedInAs: "glasgowCaseworker" });

  test("a caseworker reads today's reminder digest, marks it read, and the header's unread count goes", async ({ page }) => {
    await page.goto("/");
    await menu(page).getByRole("link", { name: "Notifications (1 unread)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
    await expect(page.getByText("Unread", { exact: true })).toBeVisible();
    await expect(page.locator(".govuk-summary-card").first()).toContainText(/need attention/);
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("button", { name: /Mark as read/ }).click();
    await expect(page.getByRole("button", { name: /Mark as read/ })).toHaveCount(0);
    // The header is drawn by the signed-in layout: the next page it draws has no unread count.
    await page.reload();
    await expect(menu(page).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await expect(page.getByText("Unread", { exact: true })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("downloads", () => {
  test.use({ signedInAs: "manager" });

  test("a manager's downloads page lists no files until a large export is queued; an export of the demo's lists downloads at once", async ({ page }) => {
    await page.goto("/");
    await menu(page).getByRole("link", { name: "Downloads" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Downloads");
    await expect(page.getByText("You have no files to download.")).toBeVisible();
    await expect(page.getByRole("link", { name: /Refresh/ })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto("/dashboard");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download .* \(CSV\)$/ }).first().click();
    expect((await download).suggestedFilename()).toMatch(/^ses-.+\.csv$/);
  });
});
