import { demoCaseId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/test";

test.describe("a UC case's forms (13.14, 13.21, 13.66, 13.67)", () => {
  test.use({ signedInAs: "caseworker" });

  // Changed on purpose: two obligations, two warnings — contact the SPoC (13.14) and ask for a duplicate UCPR1 (13.67).
  test("the missing UCPR1 raises the forms chase and the duplicate request warnings; recording it clears both", async ({ page }) => {
    const caseUrl = `/cases/${demoCaseId("uc-acknowledged-ucpr1-missing")}`;
    // The task list puts the chase first (13.14); the Forms and letters section has the paper trail.
    await page.goto(caseUrl);
    await expect(page.getByRole("region", { name: "What to do next" }).getByRole("link", { name: /^Chase the JCP SPoC for the UCPR1$/ })).toBeVisible();
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Forms and letters" }).click();
    const forms = page.locator("section", { has: page.getByRole("heading", { name: "Forms", exact: true }) });
    await expect(forms.getByText(/Contact the JCP SPoC: the UCPR1 has not arrived by the 4th working day from the date of referral/)).toBeVisible();
    await expect(forms.getByRole("link", { name: "Record that you contacted the JCP SPoC" })).toBeVisible();
    await expect(forms.getByText(/Ask the JCP SPoC for a duplicate UCPR1: it has not arrived within 4 working days of receiving the referral/)).toBeVisible();
    await expect(forms.getByRole("link", { name: "Record that you asked for a duplicate" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await forms.getByRole("link", { name: "Record receipt of the UCPR1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record that the UCPR1 arrived" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // A date in the future is refused with the GOV.UK error pattern.
    await page.getByLabel("Day", { exact: true }).fill("1");
    await page.getByLabel("Month", { exact: true }).fill("1");
    await page.getByLabel("Year", { exact: true }).fill("2099");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").getByText("The date the UCPR1 arrived must be today or in the past")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAccessibilityViolations(page);

    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
    const part = (type: string) => today.find((item) => item.type === type)!.value;
    await page.getByLabel("Day", { exact: true }).fill(part("day"));
    await page.getByLabel("Month", { exact: true }).fill(part("month"));
    await page.getByLabel("Year", { exact: true }).fill(part("year"));
    await page.getByLabel("Job aims (optional)", { exact: true }).fill("Warehouse or stock control work");
    await page.getByLabel("Preferred hours (optional)", { exact: true }).fill("Mornings, up to 25 hours a week");
    await page.getByRole("button", { name: "Save" }).click();

    await expect(page).toHaveURL(new RegExp(`${caseUrl}/forms(\\?done=ucpr1-received)?$`));
    await expect(page.getByText("UCPR1 recorded. Deadlines updated.")).toBeVisible();
    await expect(forms.getByText(/Contact the JCP SPoC|Ask the JCP SPoC/)).toHaveCount(0);
    await expect(forms.getByText("Warehouse or stock control work")).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("the UC452 print view shows parts 1–4 and part 6 with the template version; the .eml downloads", async ({ page }) => {
    const caseId = demoCaseId("uc-recommended");
    await page.goto(`/cases/${caseId}/forms`);
    await page.getByRole("link", { name: "Print the UC452" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "UC452 Claimant Tracker" })).toBeVisible();
    await expect(page.getByText(/Template version: uc452-2016/).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Parts 1 to 4: claimant and referral details" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Part 6: recommended" })).toBeVisible();
    await expect(page.getByText("SES Main Provision (SESMP)")).toBeVisible();
    await expect(page.getByText(/Case SES-/)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.goto(`/cases/${caseId}/forms/uc452/part_6/email`);
    await expect(page.getByRole("heading", { level: 1, name: "Email UC452 part 6" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const download = await page.request.get(`/cases/${caseId}/forms/uc452/part_6/email/ses_policy.eml`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="UC452-SES-\d+-part-6-ses_policy\.eml"$/);
    const message = await download.text();
    expect(message).toContain('To: "SES Policy inbox" <ses-policy@dwp.example.test>\r\n');
    expect(message).toContain("Strand: SES Main Provision (SESMP)");

    await page.getByRole("link", { name: "Record that the email to the SES Policy inbox was sent" }).click();
    await expectNoAccessibilityViolations(page);
  });

  test("an SCR case's UC452 download is a 404 for a caseworker (AC-01)", async ({ page }) => {
    const response = await page.request.get(`/cases/${demoCaseId("scr-referred")}/forms/uc452/part_6/email/ses_policy.eml`);
    expect(response.status()).toBe(404);
  });
});
