import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { demoCaseId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";
import { fillReferral, recordReferral, SES_2017_ROUTE } from "./support/referral-form";
import { expect, test, type Page } from "./support/test";

/**
 * Restricted cases as users meet them (docs/rules/restricted-cases.md; docs/security.md AC-01, AC-02, LG-01; 13.69, 13.71,
 * 13.77, 3.37, 3.43).
 *
 * Every case route — each page.tsx and route.ts under app/(signed-in)/cases/[caseId]/, found by
 * walking the folder, so a new route is covered without touching this file — is requested with
 * the SCR case's id and with a random UUID, as a caseworker, a manager and an administrator: the
 * status and the body (per-request nonces and the id itself normalised) must be the same.
 */

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const CASE_ROUTES_DIR = join(repositoryRoot, "app", "(signed-in)", "cases", "[caseId]");

/** A valid value for each dynamic segment below [caseId]; a new segment must be added here. */
const SEGMENT_VALUES: Record<string, string> = {
  "[action]": "acknowledge",
  "[part]": "part_6",
  // A page's [inbox] is the inbox; the .eml route's [inbox] is the file name.
  "[inbox]": "uc_service_centre",
};

function caseRouteTemplates(): string[] {
  const templates: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const segments = relative(CASE_ROUTES_DIR, directory).split(sep).filter(Boolean);
        const filled = segments
          .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not in the URL
          .map((segment, index, all) => {
            if (!segment.startsWith("[")) return segment;
            const value = SEGMENT_VALUES[segment];
            if (value === undefined) throw new Error(`no value for the dynamic segment ${segment} in ${path}: add one to SEGMENT_VALUES`);
            return entry.name === "route.ts" && index === all.length - 1 && segment === "[inbox]" ? `${value}.eml` : value;
          });
        templates.push(["/cases/CASE_ID", ...filled].join("/"));
      }
    }
  };
  walk(CASE_ROUTES_DIR);
  return templates.sort();
}

const ROUTES = caseRouteTemplates();
const SCR_CASE = demoCaseId("scr-referred");
/** Another SCR case, whose access log no other test adds refusals to while it reads it. */
const SCR_CASE_FOR_THE_OFFICER = demoCaseId("scr-started");
const MAPPA_CASE = demoCaseId("uc-mappa");
const RANDOM_CASE = "6f1c2d3e-4b5a-4c6d-8e7f-0123456789ab";

/** The same page for two ids differs only in the id and per-request tokens. */
function normalise(body: string, caseId: string): string {
  return body
    .replaceAll(caseId, "CASE_ID")
    .replace(/nonce="[^"]*"/g, 'nonce="NONCE"')
    .replace(/nonce-[A-Za-z0-9+/=_-]+/g, "nonce-NONCE")
    .replace(/\\"nonce\\":\\"[^\\]*\\"/g, '\\"nonce\\":\\"NONCE\\"');
}

async function fetchRoute(page: Page, template: string, caseId: string) {
  const response = await page.request.get(template.replace("CASE_ID", caseId), { maxRedirects: 0 });
  return { status: response.status(), body: normalise(await response.text(), caseId) };
}

test.describe("an SCR case does not exist for anyone but a nominated officer, on every case route (AC-01)", () => {
  test("the case routes are discovered from the app folder", () => {
    expect(ROUTES).toContain("/cases/CASE_ID");
    expect(ROUTES).toContain("/cases/CASE_ID/mappa");
    expect(ROUTES).toContain("/cases/CASE_ID/access-log");
    expect(ROUTES.length).toBeGreaterThanOrEqual(10);
  });

  for (const role of ["caseworker", "manager", "administrator"] as const) {
    test(`as ${role}: every case route answers the SCR case's id exactly as a random id`, async ({ page, loginAs }) => {
      await loginAs(role);
      const differences: string[] = [];
      for (const template of ROUTES) {
        const scr = await fetchRoute(page, template, SCR_CASE);
        const random = await fetchRoute(page, template, RANDOM_CASE);
        if (scr.status !== random.status) differences.push(`${template}: status ${scr.status} for SCR, ${random.status} for a random id`);
        else if (scr.body !== random.body) differences.push(`${template}: the body differs`);
        if (scr.status === 200) differences.push(`${template}: opened the SCR case`);
      }
      expect(differences).toEqual([]);
      // And the page a person sees: the ordinary 404.
      const response = await page.goto(`/cases/${SCR_CASE}`);
      expect(response?.status()).toBe(404);
      await expectNoAccessibilityViolations(page);
    });
  }

  test("as the nominated officer: the SCR case page opens, with its access log", async ({ page, loginAs }) => {
    await loginAs("nominatedOfficer");
    const response = await page.goto(`/cases/${SCR_CASE_FOR_THE_OFFICER}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(/SCR (participant|customer)/).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Access log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
    // The read just made is there, by the officer, newest first (LG-01).
    await expect(page.locator("table tbody tr").nth(1)).toContainText("Viewed the SCR case");
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("a MAPPA case (13.58–13.60, 13.68–13.73, 3.32–3.39)", () => {
  test("a caseworker sees the marker and 'via the nominated officer', but no annex: its URL is a 404 like a random id", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const response = await page.goto(`/cases/${MAPPA_CASE}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator(".moj-identity-bar")).toContainText("MAPPA");
    await expect(page.locator(".govuk-inset-text")).toContainText(/further information from your nominated officer/i);
    await expect(page.getByText("Contact via the nominated officer", { exact: true })).toHaveCount(2);
    await expect(page.locator(`a[href*="/mappa"]`)).toHaveCount(0);
    await expect(page.locator(`a[href*="/access-log"]`)).toHaveCount(0);
    await expect(page.getByText(/Appointments only at Leeds Central/)).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    const annex = await fetchRoute(page, "/cases/CASE_ID/mappa", MAPPA_CASE);
    const random = await fetchRoute(page, "/cases/CASE_ID/mappa", RANDOM_CASE);
    expect(annex.status).toBe(404);
    expect(annex).toEqual(random);
    await page.goto(`/cases/${MAPPA_CASE}/mappa`);
    await expectNoAccessibilityViolations(page);
  });

  test("the nominated officer opens the annex, records restrictions, the MAPPA J form and a letter, and sees the reads in the access log", async ({ page, loginAs }) => {
    await loginAs("nominatedOfficer");
    await page.goto(`/cases/${MAPPA_CASE}`);
    await page.getByRole("link", { name: /MAPPA annex/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "MAPPA annex" })).toBeVisible();
    await expect(page.getByText(/Appointments only at Leeds Central/)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Restrictions phoned through (13.68): a bad submission first.
    await page.getByRole("link", { name: /Change\s+restrictions/ }).click();
    await page.getByLabel("Restrictions", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save restrictions" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the restrictions");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Restrictions", { exact: true }).fill("No home visits. Leeds Central only, nominated officer present.");
    await page.getByLabel("Day", { exact: true }).fill("20");
    await page.getByLabel("Month", { exact: true }).fill("11");
    await page.getByLabel("Year", { exact: true }).fill("2026");
    await page.getByRole("button", { name: "Save restrictions" }).click();
    await expect(page.getByText("Restrictions saved.")).toBeVisible();
    await expect(page.getByText("No home visits. Leeds Central only, nominated officer present.")).toBeVisible();

    // The MAPPA J form by secure post (13.69).
    await page.getByRole("link", { name: /Log a receipt/ }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Day", { exact: true }).fill("21");
    await page.getByLabel("Month", { exact: true }).fill("11");
    await page.getByLabel("Year", { exact: true }).fill("2026");
    await page.getByLabel("Track and Trace number", { exact: true }).fill("SD 5555 0000 1GB");
    await page.getByRole("button", { name: "Log the MAPPA J form" }).click();
    await expect(page.getByText("MAPPA J form receipt logged.")).toBeVisible();
    await expect(page.getByRole("table", { name: "MAPPA J secure post received" })).toContainText("SD 5555 0000 1GB");

    // A letter JCP sent instead of the provider (13.72).
    await page.getByRole("link", { name: "Record a letter" }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Day", { exact: true }).fill("22");
    await page.getByLabel("Month", { exact: true }).fill("11");
    await page.getByLabel("Year", { exact: true }).fill("2026");
    await page.getByLabel("What was the letter about?", { exact: true }).fill("Start date confirmation");
    await page.getByRole("button", { name: "Record the letter" }).click();
    await expect(page.getByText("Letter recorded.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Letters, newest first" })).toContainText("Start date confirmation");
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: "Access log for this case" }).click();
    const log = page.locator("table tbody");
    await expect(log).toContainText("Viewed the MAPPA annex");
    await expect(log).toContainText("Recorded a letter JCP sent");
    await expect(log).toContainText("Nominated officer");
    await expectNoAccessibilityViolations(page);
  });

  test("only a nominated officer can mark a case MAPPA after intake, with a reason; a caseworker has no such control (AC-06)", async ({ page, loginAs }) => {
    const target = demoCaseId("uc-referred");
    await loginAs("caseworker");
    await page.goto(`/cases/${target}`);
    await expect(page.getByRole("link", { name: "Change the restriction" })).toHaveCount(0);
    // The contact details the caseworker sees before the marking (H1: gone after it).
    const summaryValue = (key: string) => page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd").first();
    const telephone = (await summaryValue("Telephone").innerText()).trim();
    const address = (await summaryValue("Address").innerText()).trim();
    expect(telephone).toMatch(/\d{4}/);
    expect((await page.request.get(`/cases/${target}/restriction`)).status()).toBe(404);

    await loginAs("nominatedOfficer");
    await page.goto(`/cases/${target}`);
    await page.getByRole("link", { name: "Change the restriction" }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("MAPPA (not given SCR status)", { exact: true }).check();
    await page.getByRole("button", { name: "Save the restriction" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the reason for the change");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Reason for the change", { exact: true }).fill("JCP nominated officer phoned: MAPPA case (13.68)");
    await page.getByRole("button", { name: "Save the restriction" }).click();
    await expect(page.getByText("Restriction saved.")).toBeVisible();
    await expect(page.locator(".moj-identity-bar")).toContainText("MAPPA");
    await page.getByRole("link", { name: "Access log" }).click();
    await expect(page.locator("table tbody")).toContainText("Changed the restriction: not restricted → MAPPA");
    await expect(page.locator("table tbody")).toContainText("JCP nominated officer phoned: MAPPA case (13.68)");
    await expectNoAccessibilityViolations(page);

    // H1: the claimant's telephone and address are now for nominated officers only, in the annex
    // (13.70, 13.71); the caseworker and the manager are told whom to contact instead.
    for (const role of ["caseworker", "manager"] as const) {
      await loginAs(role);
      const html = await (await page.request.get(`/cases/${target}`)).text();
      expect(html, role).not.toContain(telephone);
      expect(html, role).not.toContain(address.split(",")[0]);
      await page.goto(`/cases/${target}`);
      await expect(page.locator(".govuk-inset-text")).toContainText(/Contact the participant via the nominated officer \(13\.71\): \S/);
      await expect(summaryValue("Telephone")).toHaveText("Contact via the nominated officer");
      await expectNoAccessibilityViolations(page);
    }
    await loginAs("nominatedOfficer");
    await page.goto(`/cases/${target}/mappa`);
    await expect(page.getByText(telephone, { exact: true })).toBeVisible();
  });
});

test.describe("the security report (docs/security.md LG-03)", () => {
  test("an administrator reads it and can filter it; a caseworker gets the 404 page", async ({ page, loginAs }) => {
    await loginAs("administrator");
    const response = await page.goto("/security");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Security report" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("From", { exact: true }).fill("not a date");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the first day as a real date");
    await expectNoAccessibilityViolations(page);

    await loginAs("caseworker");
    expect((await page.request.get("/security")).status()).toBe(404);
  });
});

test.describe("intake is no SCR existence oracle (docs/security.md AC-02; docs/rules/restricted-cases.md)", () => {
  test("a caseworker's referral with an SCR participant's NINO lands on the same confirmation as an unknown NINO; the nominated officer is alerted", async ({ page, loginAs }) => {
    // The SCR participant's NINO, as only a nominated officer can read it.
    await loginAs("nominatedOfficer");
    await page.goto(`/cases/${SCR_CASE}`);
    const nino = (await page.locator(".ses-identity-bar__identifier").filter({ hasText: "NINO" }).locator("dd").innerText()).trim();
    expect(nino).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);

    await loginAs("caseworker");
    const record = async (ninoTyped: string, suffix: string) => {
      await page.goto("/referrals/new");
      await fillReferral(page, {
        route: SES_2017_ROUTE,
        purchaseOrderNumber: `20099${suffix}`,
        referralId: `PRAP-E2E-ORACLE-${suffix}`,
        provisionId: "SES-P2-NATIONAL",
        referralDate: "2017-09-13",
        nino: ninoTyped,
        surname: "Oracle-Probe",
      });
      await recordReferral(page);
      await expect(page).toHaveURL(/\/referrals\/recorded\/[0-9a-f-]{36}$/);
      const caseId = /recorded\/([0-9a-f-]{36})/.exec(page.url())![1];
      const main = (await page.locator("main").innerText()).replace(/SES-\d{6}/g, "SES-NNNNNN");
      return { caseId, main };
    };
    const scr = await record(nino, "0401");
    const unknown = await record("JZ 55 44 33 A", "0402");
    expect(scr.main).toBe(unknown.main);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referral recorded");
    await expectNoAccessibilityViolations(page);

    await loginAs("nominatedOfficer");
    await page.goto("/restricted");
    const duplicates = page.getByRole("table", { name: /National Insurance number of an SCR case/ });
    await expect(duplicates.locator(`a[href="/cases/${scr.caseId}"]`)).toHaveCount(1);
    await expect(duplicates.locator(`a[href="/cases/${SCR_CASE}"]`)).toHaveCount(1);
    await expect(duplicates.locator(`a[href="/cases/${unknown.caseId}"]`)).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await duplicates.getByRole("link", { name: /^Decide/ }).first().click();
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select what to do with the new case");
    await expectNoAccessibilityViolations(page);
  });
});
