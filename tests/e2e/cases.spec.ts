import { demoCaseId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/test";

test.describe("the work queue and a case's clocks", () => {
  test.use({ signedInAs: "caseworker" });

  test("open cases come soonest deadline first, each with its most urgent clock as text", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Cases" }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "All open" }).click();
    await expect(page.getByRole("link", { name: "All open" })).toHaveAttribute("aria-current", "page");
    const rows = page.locator("table tbody tr");
    await expect(rows.first()).toBeVisible();
    // The first row's deadline tag is the most pressing: overdue or due soon, said in words in the
    // one urgency scheme (lib/domain/urgency.ts).
    await expect(rows.first()).toContainText(/Overdue|Due today|Due soon/);
    await expectNoAccessibilityViolations(page);
  });

  test("a case shows every clock with its status and explains why each date (13.13, 13.17)", async ({ page }) => {
    await page.goto(`/cases/${demoCaseId("uc-accepted-overdue")}`);
    const deadlines = page.getByRole("table", { name: "Deadlines" });
    const startRow = deadlines.getByRole("row").filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
    await expect(startRow).toContainText(/Overdue by \d+ working days?/);
    await startRow.getByText("Why this date").click();
    await expect(startRow).toContainText(/20 working days/);
    await expect(startRow).toContainText(/referral date/i);
    await expectNoAccessibilityViolations(page);
  });

  test("a Scottish case counts Scotland's bank holidays: St Andrew's Day is named where it is skipped", async ({ page, loginAs }) => {
    await loginAs("glasgowCaseworker");
    await page.goto(`/cases/${demoCaseId("s17-glasgow-at-risk")}`);
    const startRow = page
      .getByRole("table", { name: "Deadlines" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: /^Start on provision/ }) });
    await expect(startRow).toContainText(/Due soon \d+ working days? left|Due today|Overdue/);
    await expectNoAccessibilityViolations(page);
  });

  test("an SCR case does not exist for a caseworker: 404 like a random id, absent from lists (AC-01, AC-02)", async ({ page, loginAs }) => {
    const scr = await page.goto(`/cases/${demoCaseId("scr-referred")}`);
    const scrBody = await page.locator("main").innerText();
    const random = await page.goto("/cases/00000000-0000-4000-8000-000000000000");
    const randomBody = await page.locator("main").innerText();
    expect(scr?.status()).toBe(404);
    expect(random?.status()).toBe(404);
    expect(scrBody).toBe(randomBody);

    await page.goto("/cases?view=open");
    const caseLinks = 'table tbody tr a[href^="/cases/"]';
    const references = await page.locator(caseLinks).allInnerTexts();
    await page.goto("/cases?view=open&page=2");
    references.push(...(await page.locator(caseLinks).allInnerTexts()));
    for (const reference of references) expect(reference).toMatch(/^SES-\d+$/);
    expect(references.length).toBeGreaterThan(0);
    await expect(page.getByText("SCR", { exact: true })).toHaveCount(0);

    // The nominated officer sees it, marked for the ruleset (13.77, 3.43).
    await loginAs("nominatedOfficer");
    const allowed = await page.goto(`/cases/${demoCaseId("scr-referred")}`);
    expect(allowed?.status()).toBe(200);
    await expect(page.getByText(/SCR (participant|customer)/).first()).toBeVisible();
  });
});

test.describe("working a case (notes, assignment, contact attempts)", () => {
  test.use({ signedInAs: "caseworker" });

  test("a caseworker logs three unanswered calls, is prompted about 3.08, adds a note and takes the case", async ({ page }) => {
    await page.goto(`/cases/${demoCaseId("s17-referred")}`);
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Contact and notes" }).click();
    await expect(page.getByRole("link", { name: "Contact and notes" })).toHaveAttribute("aria-current", "page");

    // A bad submission: nothing chosen → errors, nothing saved.
    await page.getByRole("button", { name: "Log a contact attempt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Log a contact attempt/ })).toBeVisible();
    await page.getByRole("button", { name: "Log contact attempt" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select how you tried to contact them");
    await expectNoAccessibilityViolations(page);

    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) await page.getByRole("button", { name: "Log a contact attempt" }).click();
      await page.getByLabel("Telephone", { exact: true }).check();
      await page.getByLabel("No answer", { exact: true }).check();
      await page.getByRole("button", { name: "Log contact attempt" }).click();
      // Back on Contact and notes: wait for this attempt's own row.
      await expect(page.getByRole("table", { name: "Contact attempts, newest first" }).locator("tbody tr")).toHaveCount(attempt);
    }
    await expect(page.getByText(/3 attempts to contact them have been unsuccessful/)).toBeVisible();

    await page.getByRole("button", { name: "Add a note" }).click();
    await page.getByLabel("Add a note").fill("Three calls unanswered; emailing the DEA to agree next steps.");
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByText("Note saved.")).toBeVisible();
    await expect(page.getByText("Three calls unanswered; emailing the DEA to agree next steps.")).toBeVisible();

    // The timeline says what happened, in words, with the note's text.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Timeline" }).click();
    await expect(page.locator(".moj-timeline")).toContainText("Contact attempt logged");
    await expect(page.locator(".moj-timeline")).toContainText("Telephone: no answer.");
    await expect(page.locator(".moj-timeline")).toContainText("Three calls unanswered");

    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Overview" }).click();
    await page.getByRole("link", { name: "Change caseworker" }).click();
    await page.getByLabel("Caseworker", { exact: true }).selectOption({ label: "Amira Hussain" });
    await page.getByRole("button", { name: "Save caseworker" }).click();
    await expect(page.getByText("Caseworker saved.")).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("case search (HD-05: personal data never in a URL)", () => {
  test.use({ signedInAs: "caseworker" });

  test("finds a case by name and by NINO through a POST, and never finds an SCR case for a caseworker", async ({ page }) => {
    // Learn a demo claimant's name and NINO from their case page.
    await page.goto(`/cases/${demoCaseId("uc-recommended")}`);
    const name = (await page.locator(".ses-identity-bar__name").innerText()).trim();
    const nino = (await page.locator(".moj-identity-bar").getByText(/^[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]$/).first().innerText()).trim();
    const surname = name.split(" ").at(-1)!;

    await page.goto("/cases");
    await page.getByLabel("Search cases", { exact: true }).fill(surname);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByText(`Cases matching ‘${surname}’`)).toBeVisible();
    await expect(page).toHaveURL(/\/cases\?view=search$/);
    expect(page.url()).not.toContain(surname);
    await expect(page.locator("table tbody")).toContainText(surname);
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Search cases", { exact: true }).fill(nino.toLowerCase());
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByText(`Cases matching ‘${nino.toLowerCase()}’`)).toBeVisible();
    await expect(page.locator("table tbody tr")).toHaveCount(1);
    await expect(page.locator("table tbody")).toContainText(surname);

    // The SCR claimant (Stephen Harker) does not exist for a caseworker.
    await page.getByLabel("Search cases", { exact: true }).fill("Harker");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByText("Cases matching ‘Harker’")).toBeVisible();
    await expect(page.getByRole("heading", { name: "No matching cases" })).toBeVisible();

    // Too short a term is refused with a clear message.
    await page.getByLabel("Search cases", { exact: true }).fill("a");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter at least 2 characters");
  });
});
