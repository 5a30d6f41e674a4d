import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/reflow";
import { expect, test } from "./support/test";

/** One CSV record's cells (RFC 4180 quoting), enough for the export's plain text. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Press Tab until `target` has focus (keyboard only: no clicks), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${String(target)} with Tab`);
}

/** The manager dashboard, its filters and CSV export, and the caseworker's home page. */
test.describe("manager dashboard", () => {
  // The at-risk list holds every Leeds case still to start: a referral recorded by a test running
  // at the same time could land between the screen and the export. So this test runs alone.
  test("a manager filters by site, sees the at-risk list, and the CSV export's rows match the screen", { lock: "-exclusive-" }, async ({ page, loginAs }) => {
    await loginAs("manager");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dashboard");
    await expect(page.getByRole("heading", { name: "Start target: started within 20 working days" })).toBeVisible();
    await expect(page.getByText("How these figures are counted")).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("group", { name: "Sites" }).getByLabel("Leeds Central (England and Wales)").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]site=[0-9a-f-]{36}/);
    await expect(page.getByText(/Showing site Leeds Central;/)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const table = page.locator("table.ses-at-risk-table");
    await expect(table).toBeVisible();
    const rows = table.locator("tbody tr");
    const onScreen: string[][] = [];
    for (let index = 0; index < (await rows.count()); index++) {
      const cells = rows.nth(index).locator("td");
      onScreen.push([(await cells.nth(0).innerText()).trim(), (await cells.nth(1).innerText()).trim(), (await cells.nth(6).innerText()).trim()]);
    }
    expect(onScreen.length).toBeGreaterThan(0);
    for (const [, , site] of onScreen) expect(site).toBe("Leeds Central");

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the at-risk list (CSV)" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^ses-at-risk-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path()) as string, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0].startsWith("Case reference,Claimant,")).toBe(true);
    const inFile = lines.slice(1).map((line) => {
      const cells = csvCells(line);
      return [cells[0], cells[1], cells[4]];
    });
    expect(inFile).toEqual(onScreen);

    // The export is a same-origin POST only (CS-01, CS-05).
    const crossSite = await page.request.post("/dashboard/export", { headers: { Origin: "https://evil.example" }, form: { list: "at-risk", period: "last-12-months" } });
    expect(crossSite.status()).toBe(403);
    const viaGet = await page.request.get("/dashboard/export");
    expect(viaGet.status()).toBe(405);
  });

  // docs/decisions/0029-manager-dashboard-drill-downs.md: every count leads to its cases, with the same rows as CSV.
  test("by keyboard a manager ticks two sites and All time, follows a count to the cases behind it, and downloads them; each state passes axe and reflows at 320 px", async ({ page, loginAs }) => {
    await loginAs("manager");
    await page.goto("/");
    // Home: the headline figures, each a link to its cases.
    const headlines = page.getByRole("region", { name: "Headline figures" });
    await expect(headlines.getByRole("link", { name: /^\d+ cases?$/ }).first()).toBeVisible();
    await expect(headlines.getByText("On provision now")).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.goto("/dashboard");
    const sites = page.getByRole("group", { name: "Sites" });
    for (const site of ["Leeds Central (England and Wales)", "Glasgow East (Scotland)"]) {
      const box = sites.getByLabel(site);
      await tabTo(page, box);
      await page.keyboard.press("Space");
      await expect(box).toBeChecked();
    }
    const period = page.getByLabel("Period", { exact: true });
    await tabTo(page, period);
    await period.selectOption({ label: "All time" });
    await tabTo(page, page.getByRole("button", { name: "Apply filters" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/site=[0-9a-f-]{36}.*site=[0-9a-f-]{36}/);
    await expect(page).toHaveURL(/period=all-time/);
    await expect(page.getByText(/Showing sites Glasgow East, Leeds Central;.*all time/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "On provision" })).toBeVisible();
    await expect(page.getByRole("table", { name: /By strand/ })).toContainText("Main Provision");
    await expectNoAccessibilityViolations(page);
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The at-risk list sorts by its header links (no JavaScript needed): by case reference.
    await page.getByRole("table", { name: /Cases waiting to start/ }).getByRole("link", { name: "Case" }).click();
    await expect(page).toHaveURL(/sort=case/);
    const references = await page.locator("table.ses-at-risk-table tbody tr td:first-child").allInnerTexts();
    expect(references).toEqual([...references].sort());
    // A second click reverses the order.
    const caseHeader = page.locator("table.ses-at-risk-table").getByRole("columnheader", { name: "Case", exact: true });
    await caseHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sort=case-desc/);
    await expect(caseHeader).toHaveAttribute("aria-sort", "descending");
    const reversed = await page.locator("table.ses-at-risk-table tbody tr td:first-child").allInnerTexts();
    expect(reversed).toEqual([...reversed].sort().reverse());

    // A breakdown count (list scope: SCR cases are never in it, decision 0005) leads to the list behind it,
    // as many rows as the count says: Leeds Central's open cases.
    const openLink = page.getByRole("table", { name: "Open cases by site" }).getByRole("row", { name: /Leeds Central/ }).getByRole("link").first();
    const count = Number(await openLink.innerText());
    await tabTo(page, openLink);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard\/cases\?figure=open/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Open cases");
    await expect(page.getByText(`${count} ${count === 1 ? "case" : "cases"}`, { exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page, { title: /Open cases/ });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The CSV has the screen's rows in the screen's order. Other specs record cases at this site while
    // this one runs, so screen and file are compared as read together, again if a case arrived between.
    await expect(async () => {
      await page.reload();
      const shown = Number((await page.getByText(/^\d+ cases?$/).first().innerText()).split(" ")[0]);
      const onScreen = (await page.locator("table tbody tr td:first-child").allInnerTexts()).map((text) => text.trim());
      expect(onScreen.length).toBe(Math.min(shown, 50));
      const downloadPromise = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download these cases (CSV)" }).click();
      const text = await readFile((await (await downloadPromise).path()) as string, "utf8");
      const lines = text.slice(1).trim().split("\r\n");
      expect(lines[0]).toBe("Case reference,Claimant,State,Route,Strand,Site,Caseworker,Referral date,Must start by,Started on,Next deadline");
      expect(lines.slice(1, onScreen.length + 1).map((line) => csvCells(line)[0])).toEqual(onScreen);
      expect(lines.length - 1).toBe(shown);
    }).toPass({ timeout: 90_000 });

    // Back to the dashboard with the same filters.
    await page.getByRole("link", { name: "Back to the dashboard" }).click();
    await expect(page).toHaveURL(/period=all-time/);
  });

  test("a drill-down address that names no figure lists nothing", async ({ page, loginAs }) => {
    await loginAs("manager");
    await page.goto("/dashboard/cases?figure=scr-cases");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cases behind a dashboard figure");
    await expect(page.locator("table")).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });

  test("a caseworker gets the same 404 for the dashboard as for a page that does not exist", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(404);
    const body = await page.locator("main").innerText();
    await page.goto("/no-such-page");
    expect(await page.locator("main").innerText()).toBe(body);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("caseworker home", () => {
  test.use({ signedInAs: "caseworker" });

  test("a caseworker sees 'My cases due this week', each case linked, with its clock in words", async ({ page }) => {
    await page.goto("/");
    const section = page.getByRole("region", { name: "My cases due this week" });
    await expect(section).toBeVisible();
    const firstLink = section.locator("tbody tr").first().getByRole("link");
    await expect(firstLink).toHaveText(/^SES-\d{6}$/);
    await expect(section.locator("tbody tr").first().locator(".govuk-tag")).not.toHaveText("");
    await expect(page.getByRole("heading", { name: "What you can do" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await firstLink.click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  });
});
