import { readFile } from "node:fs/promises";
import { demoCaseId } from "@/lib/seed/demo";
import { readZip } from "@/tests/support/read-zip";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/test";

/** Subject access (docs/security.md DP-03) and retention (DP-02, LG-07) in the browser. */
test.describe("subject access export (DP-03)", () => {
  test.use({ signedInAs: "nominatedOfficer" });

  test("a nominated officer downloads everything held on a NINO as a ZIP, posted in the body, never the URL (DP-03, HD-05)", async ({ page }) => {
    await page.goto(`/cases/${demoCaseId("uc-recommended")}`);
    const name = (await page.locator(".ses-identity-bar__name").innerText()).trim();
    const nino = (await page.locator(".moj-identity-bar").getByText(/^[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]$/).first().innerText()).trim();

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Subject access" }).click();
    await expectNoAccessibilityViolations(page, { title: "Subject access request" });
    await page.getByLabel("National Insurance number").fill(nino.toLowerCase());
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the records (ZIP)" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(download.url()).not.toContain(nino.replace(/\s/g, ""));
    const files = readZip(await readFile((await download.path()) as string));
    expect([...files.keys()]).toContain("subject-access.json");
    expect(files.get("participants.csv")?.toString("utf8")).toContain(name.split(" ").at(-1));

    // Same-origin POST only (CS-05).
    const crossSite = await page.request.post("/subject-access/export", { headers: { Origin: "https://evil.example" }, form: { nino } });
    expect(crossSite.status()).toBe(403);
  });

  test("an unknown or malformed NINO comes back to the form with the GOV.UK error pattern, also without JavaScript (UX-03, UX-04)", async ({ browser, page }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await noScript.newPage();
    try {
      await plain.goto("/subject-access");
      await plain.getByLabel("National Insurance number").fill("12345");
      await plain.getByRole("button", { name: "Download the records (ZIP)" }).click();
      await expect(plain).toHaveURL(/\/subject-access\?error=invalid$/);
      await expect(plain.locator(".govuk-error-summary")).toContainText("Enter a National Insurance number in the correct format");
    } finally {
      await noScript.close();
    }
    await page.goto("/subject-access");
    await page.getByLabel("National Insurance number").fill("WP 99 99 99 A");
    await page.getByRole("button", { name: "Download the records (ZIP)" }).click();
    await expect(page).toHaveURL(/\/subject-access\?error=not-found$/);
    await expect(page.locator(".govuk-error-summary")).toContainText("No records are held for that National Insurance number");
    await expectNoAccessibilityViolations(page, { title: /^Error: Subject access request/ });
  });
});

test.describe("retention (DP-02, LG-07)", () => {
  test.use({ signedInAs: "administrator" });

  test("an administrator sees what each class would delete today, with its cut-off (a dry run changes nothing)", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Retention" }).click();
    await expectNoAccessibilityViolations(page, { title: "Retention" });
    const table = page.locator("table");
    await expect(table).toContainText("Closed cases, with their notes, forms, contact attempts and referrals");
    await expect(table).toContainText("Audit log rows (including access-log rows)");
    await expect(table.getByText(/^Closed before \w+ \d{1,2} \w+ \d{4}$/)).toBeVisible();
  });

  test("is not there for a caseworker or a manager: the 404 page, and no navigation link (AC-01, AC-03)", async ({ page, loginAs }) => {
    for (const account of ["caseworker", "manager"] as const) {
      await loginAs(account);
      expect((await page.goto("/admin/retention"))?.status(), account).toBe(404);
      expect((await page.goto("/subject-access"))?.status(), account).toBe(404);
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Retention" })).toHaveCount(0);
    }
  });
});
