import { demoCaseId } from "@/lib/seed/demo";
import { siteId, userId } from "@/lib/seed/demo/people";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/reflow";
import { expect, test, type DemoAccount, type Page } from "./support/test";

/**
 * The caseworker's part of the December review (docs/decisions/0030-users-with-several-sites.md):
 * the case's caseworker dropdown lists the caseworkers of its site, questions of one answer sit
 * under it (conditional reveals), "Error:" titles the page after a bad submission without
 * JavaScript too, and the overview's tasks and key facts fit a laptop screen.
 */
const SHAZIA = demoCaseId("uc-acknowledged"); // another spec may move it to Glasgow: used here where the site does not matter
/** A typical Leeds case that no other spec changes. */
const BOOKED = demoCaseId("uc-assessment-booked");

test.describe("the caseworker's day", () => {
  test.use({ signedInAs: "caseworker" });

  test("the overview's task list and key facts sit within the first 768 px of a 1366×768 laptop screen", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/cases/${BOOKED}`);
    for (const name of ["What to do next", "Key facts"]) {
      const box = await page.getByRole("region", { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, `${name} ends within the screen`).toBeLessThanOrEqual(768);
    }
    await expect(page.getByRole("region", { name: "Key facts" })).toContainText("Leeds Central");
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
  });

  test("the caseworker dropdown of a Leeds case lists Leeds's caseworkers, not Glasgow's, and is reached by keyboard", async ({ page }) => {
    await page.goto(`/cases/${BOOKED}/caseworker`);
    const dropdown = page.getByLabel("Caseworker", { exact: true });
    const options = await dropdown.locator("option").allInnerTexts();
    expect(options).toContain("Amira Hussain");
    expect(options).not.toContain("Callum Fraser");
    await page.keyboard.press("Tab");
    for (let presses = 0; presses < 40 && !(await dropdown.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
    await expect(dropdown).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
  });

  test("the line describing the error shows under 'Other' only once it is chosen (a conditional reveal)", async ({ page }) => {
    await page.goto(`/cases/${SHAZIA}/act/reject`);
    const line = page.getByLabel("What was the error?", { exact: true });
    await expect(line).toBeHidden();
    await page.getByLabel("The referral was made in error (Other)", { exact: true }).check();
    await expect(line).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ signedInAs: "caseworker", javaScriptEnabled: false });

  test("a bad submission titles the page 'Error:' on a case's one-task page and on step pages (UX-03)", async ({ page }) => {
    // A one-task page (CaseFormPage): the note.
    await page.goto(`/cases/${SHAZIA}/contact/note`);
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Add a note – Ms Shazia Begum – SES-\d{6} – SES Casework$/);

    // A step that goes on to check your answers (the page is a GET form): no reason chosen.
    await page.goto(`/cases/${SHAZIA}/act/reject`);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Reject the referral – Ms Shazia Begum – SES-\d{6} – SES Casework$/);

    // The conditional reveal works without JavaScript: chosen, "Other" shows its line.
    await page.getByLabel("The referral was made in error (Other)", { exact: true }).check();
    await expect(page.getByLabel("What was the error?", { exact: true })).toBeVisible();
  });

  test("a step posted straight to the server titles the page 'Error:' when refused (UX-03)", async ({ page }) => {
    await page.goto(`/cases/${SHAZIA}/act/book-initial-assessment`);
    await page.getByRole("button", { name: "Book the Initial Assessment", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Book the Initial Assessment – Ms Shazia Begum – SES-\d{6} – SES Casework$/);
  });
});

/** A form page, what makes its submission bad, and the title that bad submission must give it. */
interface BadSubmission {
  page: string;
  as: DemoAccount | null;
  path: string;
  spoil?: (page: Page) => Promise<void>;
  button: string;
  title: RegExp;
}

const BAD_SUBMISSIONS: BadSubmission[] = [
  {
    page: "a case's paper-form page",
    as: "caseworker",
    path: `/cases/${BOOKED}/forms/spoc-chased`,
    spoil: async (page) => {
      await page.getByLabel("Day", { exact: true }).fill("45");
      await page.getByLabel("Month", { exact: true }).fill("13");
      await page.getByLabel("Year", { exact: true }).fill("2026");
    },
    button: "Save",
    title: /^Error: Record that you chased the JCP SPoC – SES-\d{6} – SES Casework$/,
  },
  { page: "a referral page", as: "caseworker", path: "/referrals/expected/new", button: "Save the expected referral", title: /^Error: Record a Warm Handover call – SES Casework$/ },
  { page: "an admin page", as: "administrator", path: "/admin/sites/new", button: "Add site", title: /^Error: Add a site – SES Casework$/ },
  { page: "the sign-in page", as: null, path: "/sign-in", button: "Sign in", title: /^Error: Sign in – SES Casework$/ },
  // Pages with several forms (FormActionsScope): one form's errors put "Error: " in the page's one title.
  {
    page: "a user's page (several forms)",
    as: "administrator",
    path: `/admin/users/${userId("multi")}`,
    spoil: async (page) => {
      await page.getByLabel("Full name", { exact: true }).fill("");
    },
    button: "Save changes",
    title: /^Error: User – SES Casework$/,
  },
  {
    page: "a site's contacts page (an add form beside remove buttons)",
    as: "administrator",
    path: `/admin/settings/sites/${siteId("leeds")}`,
    button: "Add contact",
    title: /^Error: Contacts for Leeds Central – SES Casework$/,
  },
];

test.describe("without JavaScript, on every kind of form page", () => {
  test.use({ javaScriptEnabled: false });

  for (const row of BAD_SUBMISSIONS) {
    test(`a bad submission on ${row.page} is titled 'Error: ' by the server, in the one <title> (UX-03)`, async ({ page, context, loginAs }) => {
      if (row.as) await loginAs(row.as);
      else await context.clearCookies();
      await page.goto(row.path);
      await expect(page).not.toHaveTitle(/^Error: /);
      await row.spoil?.(page);
      await page.getByRole("button", { name: row.button, exact: true }).click();
      await expect(page.locator(".govuk-error-summary")).toBeVisible();
      await expect(page).toHaveTitle(row.title);
      await expect(page.locator("title"), "exactly one <title>").toHaveCount(1);
    });
  }
});
