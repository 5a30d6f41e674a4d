import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/reflow";
import { expect, test } from "./support/test";

/**
 * Bulk intake and reconciliation, keyboard only (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * a generated PRaP file is uploaded, its columns confirmed, previewed with an error row and a
 * duplicate, committed (the page-driven progress: the e2e server runs on the embedded database,
 * which has no job queue), its report seen and downloaded; then a monthly spreadsheet is
 * reconciled, its four lists seen, and a row with no case made an expected referral in one click.
 * axe on every page and state, reflow at 320 px. Its own rows (random identifiers), so it runs in
 * parallel with every other spec.
 */
test.use({ signedInAs: "caseworker" });

/** Press Tab until `target` has focus (keyboard only: no clicks), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 250): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${String(target)} with Tab`);
}

async function checkPage(page: Page, title?: string): Promise<void> {
  await expectNoAccessibilityViolations(page, title ? { title } : {});
  const viewport = page.viewportSize();
  await expectNoSidewaysScroll(page);
  if (viewport) await page.setViewportSize(viewport);
}

/** A valid NINO no other spec uses: a prefix HMRC allocates, random digits. */
function randomNino(): string {
  return `JB${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}${"ABCD"[Math.floor(Math.random() * 4)]}`;
}

function ukDate(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
}

/** Upload `file` from the start page as `kind` (the radio's position: 0 PRaP, 1 monthly), by keyboard. */
async function upload(page: Page, file: string, kind: 0 | 1): Promise<void> {
  await page.goto("/referrals/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import a spreadsheet" })).toBeVisible();
  const radios = page.getByRole("radio");
  await tabTo(page, radios.first());
  await page.keyboard.press("Space");
  if (kind === 1) await page.keyboard.press("ArrowDown");
  await expect(radios.nth(kind)).toBeChecked();
  await tabTo(page, page.getByLabel("Upload a file"));
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(file);
  await tabTo(page, page.getByRole("button", { name: "Upload and check the columns" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Check the columns" })).toBeVisible({ timeout: 30_000 });
}

test.describe("bulk import and reconciliation, keyboard only", () => {
  let folder: string;
  test.beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "ses-import-e2e-"));
  });
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test("upload, map, preview with an error and a duplicate, commit, report and its CSV; then reconcile and create an expected referral in one click", async ({ page }) => {
    const stamp = `${Date.now() % 1_000_000}`.padStart(6, "0");
    const [ninoA, ninoB] = [randomNino(), randomNino()];
    const po = (n: number) => `2${stamp}${String(n).padStart(2, "0")}`;
    const referralDate = ukDate(7);
    const headers = "Purchase order,Referral ID,Provision ID,Referral date,Forename,Surname,Date of birth,NINO,Address line 1,Town,Postcode,Work coach or DEA,Work coach name,Work coach phone,Work coach email";
    const row = (poNumber: string, id: string, date: string, surname: string, nino: string) =>
      `${poNumber},E2E-${stamp}-${id},PROV-1,${date},Robin,${surname},27/03/1980,${nino},1 High Street,Leeds,LS1 1AA,Work Coach,Sam Coach,0113 496 0000,sam.coach@dwp.example`;
    const prapFile = path.join(folder, "prap-referrals.csv");
    await writeFile(
      prapFile,
      [
        headers,
        row(po(1), "1", referralDate, `Imported${stamp}`, ninoA),
        row(po(2), "2", referralDate, `Second${stamp}`, ninoB),
        // An impossible date: an error row.
        row(po(3), "3", "31/02/2026", `Broken${stamp}`, randomNino()),
        // The purchase order of row 2 again: a duplicate within the file.
        row(po(1), "4", referralDate, `Again${stamp}`, randomNino()),
      ].join("\r\n"),
    );

    await page.goto("/referrals/import");
    await checkPage(page, "Import a spreadsheet");
    await upload(page, prapFile, 0);
    await checkPage(page);

    // Confirm the proposed mapping (the date of birth column among them).
    await expect(page.getByLabel("Date of birth (optional)")).toHaveValue("6");
    await tabTo(page, page.getByRole("button", { name: "Check the rows" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "What the import will do" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Nothing has been created yet.")).toBeVisible();
    const rowsNotCreated = page.getByRole("table", { name: "Rows that will not be created" });
    await expect(rowsNotCreated.getByRole("row").filter({ hasText: "Has errors" }).first()).toContainText("Referral date");
    await expect(rowsNotCreated.getByRole("row").filter({ hasText: "Duplicate" }).first()).toContainText(`Purchase order ${po(1)} is also on row 2 of this file`);
    await checkPage(page);

    await tabTo(page, page.getByRole("button", { name: "Create 2 cases" }));
    await page.keyboard.press("Enter");
    // The page drives the commit a batch at a time, showing its progress, and ends on the report.
    await expect(page.getByText("Import finished: 2 cases created")).toBeVisible({ timeout: 60_000 });
    await checkPage(page);
    const rowsNotCreatedReport = page.getByRole("table", { name: "Rows not created" });
    await expect(rowsNotCreatedReport.getByRole("row").filter({ hasText: "Failed" }).first()).toBeVisible();
    await expect(rowsNotCreatedReport.getByRole("row").filter({ hasText: "Skipped" }).first()).toBeVisible();

    await tabTo(page, page.getByRole("button", { name: "Download the report (CSV)" }));
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const report = await readFile(await (await download).path());
    const lines = report.toString("utf8").trim().split(/\r?\n/);
    // A header and every input row accounted for exactly once.
    expect(lines).toHaveLength(5);
    expect(lines[0]).not.toMatch(/_/);

    // The monthly referral spreadsheet: one row for a case just created, one for nobody known.
    const monthlyFile = path.join(folder, "monthly.csv");
    await writeFile(
      monthlyFile,
      ["NINO,Forename,Surname,Date of birth,Referral date,Site", `${ninoA},Robin,Imported${stamp},27/03/1980,${referralDate},Leeds`, `,Nobody,Known${stamp},03/04/1965,${referralDate},Leeds`].join("\n"),
    );
    await upload(page, monthlyFile, 1);
    await checkPage(page);
    await tabTo(page, page.getByRole("button", { name: "Check the rows" }));
    await page.keyboard.press("Enter");
    // Checking the rows of a monthly spreadsheet reconciles it and opens the reconciliation.
    await expect(page.getByRole("heading", { level: 1, name: /Reconciliation$/ })).toBeVisible({ timeout: 30_000 });
    await checkPage(page, "Reconciliation");

    // The four lists, each reached by keyboard, each with its totals per site and per month.
    const lists = page.getByRole("navigation", { name: "Reconciliation lists" });
    for (const name of [/^Case with no row/, /^Matched with differences/, /^Matched \(/, /^In the spreadsheet, no case/]) {
      await tabTo(page, lists.getByRole("link", { name }));
      await page.keyboard.press("Enter");
      await expect(lists.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("table", { name: "Per site" })).toBeVisible();
      await expect(page.getByRole("table", { name: "Per month" })).toBeVisible();
      await checkPage(page, "Reconciliation");
    }
    await expect(page.getByRole("link", { name: /^Matched \(/ })).toBeVisible();

    // "In the spreadsheet, no case": one click records an expected referral, prefilled from the row.
    const create = page.getByRole("button", { name: `Create an expected referral for row 3, Nobody Known${stamp}` });
    await tabTo(page, create);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Row 3 is recorded as an expected referral.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: `Chase the expected referral for row 3, Nobody Known${stamp}` })).toBeVisible();
    await checkPage(page, "Reconciliation");

    await page.goto("/referrals/expected");
    await expect(page.getByText(new RegExp(`Nobody Known${stamp}, born \\w+ 3 April 1965`))).toBeVisible();
    await checkPage(page, "Expected referrals");
  });
});
