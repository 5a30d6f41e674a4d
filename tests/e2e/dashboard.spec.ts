import { readFile } from "node:fs/promises";
import { expectNoAccessibilityViolations } from "./support/axe";
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

    await page.getByLabel("Site", { exact: true }).selectOption({ label: "Leeds Central (England and Wales)" });
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
