import { demoCaseId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test, type Page } from "./support/test";
import { tabTo } from "./support/keyboard";

/**
 * The case page (docs/decisions/0016-case-page-circumstances-and-transfer.md): the person's name as
 * the heading, a sticky identity bar, MoJ sub navigation between real routes, "What to do next" as
 * one ordered task list, a change of circumstances and a move to another site — by keyboard, axe-
 * clean on every section, and reflowing at 320 px (WCAG 1.4.10).
 */


function sections(page: Page) {
  return page.getByRole("navigation", { name: "Case sections" });
}

const SHAZIA = demoCaseId("uc-acknowledged");

test.describe("the case page", () => {
  test.use({ signedInAs: "caseworker" });

  test("is titled and headed by the person, with the case's sections as real pages, each axe-clean", async ({ page }) => {
    await page.goto(`/cases/${SHAZIA}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ms Shazia Begum");
    await expect(page).toHaveTitle(/^Ms Shazia Begum – SES-\d{6} – SES Casework$/);
    await expect(page.getByRole("region", { name: "Participant" })).toContainText("Caseworker");
    // Everything the referral captured is shown (13.62–13.64, 3.33).
    await expect(page.getByText("School pick-up at 3pm on weekdays")).toBeVisible();
    await page.getByText("Employment history and qualifications").click();
    await expect(page.getByText("Retail assistant, bakery")).toBeVisible();
    // Every open task, soonest first, each with its status in words.
    const tasks = page.getByRole("region", { name: "What to do next" }).locator(".govuk-task-list__item");
    await expect(tasks.first()).toContainText(/Due|Overdue|To do/);
    await expectNoAccessibilityViolations(page);

    for (const [name, path, title] of [
      ["Forms and letters", "/forms", /^Forms and letters – Ms Shazia Begum – SES-\d{6} – SES Casework$/],
      ["Contact and notes", "/contact", /^Contact and notes – Ms Shazia Begum – SES-\d{6} – SES Casework$/],
      ["Timeline", "/timeline", /^Timeline – Ms Shazia Begum – SES-\d{6} – SES Casework$/],
    ] as const) {
      await sections(page).getByRole("link", { name }).click();
      await expect(page).toHaveURL(new RegExp(`/cases/${SHAZIA}${path}$`));
      await expect(sections(page).getByRole("link", { name })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ms Shazia Begum");
      await expectNoAccessibilityViolations(page, { title });
    }
    // The timeline is in words: no raw event names, no heading per entry.
    await expect(page.locator(".moj-timeline")).toContainText("Caseworker assigned");
    await expect(page.locator(".moj-timeline")).not.toContainText("case.assigned");
    await expect(page.locator(".moj-timeline h2, .moj-timeline h3")).toHaveCount(0);
    // The access log is the nominated officers' section only.
    await expect(sections(page).getByRole("link", { name: "Access log" })).toHaveCount(0);
  });

  test("reflows at 320 px on every section: no sideways scrolling (WCAG 1.4.10)", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    for (const path of ["", "/forms", "/contact", "/timeline", "/details", "/transfer", "/contact/attempt"]) {
      await page.goto(`/cases/${SHAZIA}${path}`);
      await expect(page.locator("h1")).toBeVisible();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `the page ${path || "overview"} at 320 px`).toBeLessThanOrEqual(widths.client);
    }
  });

  test("a caseworker changes the claimant's details and moves the case to another site, by keyboard alone", async ({ page }) => {
    await page.goto(`/cases/${SHAZIA}`);
    await tabTo(page, page.getByRole("link", { name: "Change contact and personal details" }).first());
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Change contact and personal details");
    await expect(page).toHaveTitle(/^Change contact and personal details – Ms Shazia Begum – SES-\d{6} – SES Casework$/);
    await expectNoAccessibilityViolations(page);

    // A bad telephone number: the error summary, and what was typed is kept.
    const telephone = page.getByLabel("Telephone (optional)", { exact: true });
    await tabTo(page, telephone);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("12");
    await tabTo(page, page.getByRole("button", { name: "Save details" }));
    await page.keyboard.press("Enter");
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter a telephone number in the correct format");
    await expect(telephone).toHaveValue("12");
    await expectNoAccessibilityViolations(page);

    await tabTo(page, telephone);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("07700 900 555");
    await tabTo(page, page.getByLabel("Vulnerable customer (safeguard)"));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Save details" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Contact and personal details saved.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Participant" })).toContainText("Safeguard");
    await expect(page.getByText("07700 900 555")).toBeVisible();

    await tabTo(page, sections(page).getByRole("link", { name: "Timeline" }));
    await page.keyboard.press("Enter");
    const latest = page.locator(".moj-timeline__item").first();
    await expect(latest).toContainText("Contact and personal details changed");
    await expect(latest).toContainText(/Telephone: .+ → 07700 900 555/);
    await expect(latest).toContainText("Safeguard (vulnerable customer): No → Yes");

    // Moving the case to Glasgow: Scotland's working days; the timeline says why each date moved.
    await tabTo(page, sections(page).getByRole("link", { name: "Overview" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("link", { name: "Move the case to another site" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Move the case to another site");
    await expectNoAccessibilityViolations(page);
    await tabTo(page, page.getByRole("radio", { name: /Glasgow/ }));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByLabel("Why is the case moving?"));
    await page.keyboard.type("Moved to Glasgow to live with family");
    await tabTo(page, page.getByRole("button", { name: "Move the case" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Case moved to its new site.")).toBeVisible();
    await expect(page.getByText(/Moved from .+ \(England and Wales\) to .+ \(Scotland\)/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await sections(page).getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator(".moj-timeline__item").first()).toContainText("Transferred to another site");
    await expect(page.locator(".moj-timeline__item").first()).toContainText("Reason: Moved to Glasgow to live with family");
  });
});

test.describe("the case page for a nominated officer", () => {
  test.use({ signedInAs: "nominatedOfficer" });

  test("adds the Access log section, axe-clean", async ({ page }) => {
    await page.goto(`/cases/${demoCaseId("scr-started")}`);
    await sections(page).getByRole("link", { name: "Access log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
