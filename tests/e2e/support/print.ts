import { expect, type Page } from "@playwright/test";

export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

/**
 * A print view as it prints (PrintFrame): no service header, navigation or footer; a Print button
 * on screen only; "Printed on … by <who>"; and OFFICIAL-SENSITIVE as the running header and footer
 * of every sheet — the `@page ses-print-view` margin boxes, which the view's root uses in print.
 */
export async function expectPrintView(page: Page, printedBy: string | RegExp): Promise<void> {
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.locator("[data-printed-by]")).toContainText(/^Printed on \w+ \d{1,2} \w+ \d{4} at \d{2}:\d{2} by /);
  await expect(page.locator("[data-printed-by]")).toContainText(printedBy);
  await page.emulateMedia({ media: "print" });
  try {
    for (const hidden of ["header", "footer", "nav", ".govuk-back-link"]) {
      for (const element of await page.locator(hidden).all()) await expect(element).toBeHidden();
    }
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    const pageName = await page.locator("[data-print-view]").evaluate((element) => getComputedStyle(element).getPropertyValue("page"));
    expect(pageName).toBe("ses-print-view");
    const marginBoxes = await page.evaluate(() => {
      const found: string[] = [];
      const visit = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSPageRule && rule.selectorText === "ses-print-view") {
            for (const inner of Array.from(rule.cssRules ?? [])) found.push(inner.cssText);
          } else if ("cssRules" in rule && (rule as CSSGroupingRule).cssRules) visit((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
      return found;
    });
    expect(marginBoxes.filter((text) => /@top-center/.test(text) && text.includes(PROTECTIVE_MARKING))).toHaveLength(1);
    expect(marginBoxes.filter((text) => /@bottom-center/.test(text) && text.includes(PROTECTIVE_MARKING))).toHaveLength(1);
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}
