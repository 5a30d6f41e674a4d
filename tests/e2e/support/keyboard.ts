import type { Locator, Page } from "@playwright/test";

/** Presses Tab until `target` has focus (a keyboard user's way there), then returns. */
export async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${String(target)} by keyboard in ${limit} presses`);
}

/** Tabs to `target` and presses Enter on it (a link or a button). */
export async function tabAndEnter(page: Page, target: Locator, limit = 120): Promise<void> {
  await tabTo(page, target, limit);
  await page.keyboard.press("Enter");
}
