import { expect, type Page } from "@playwright/test";

/** 320 CSS px: WCAG 1.4.10 reflow (a 1280 px window at 400% zoom). */
export const REFLOW_WIDTH = 320;

/**
 * WCAG 1.4.10 (docs/security.md UX-01): at `width` CSS px (320 by default) the page must not scroll
 * sideways. Wide tables belong in a scroll container of their own (`Table responsive`, class `ses-table-container`) or collapse;
 * this checks the document, not such containers. Leaves the viewport at `width`.
 * On failure it names the widest elements that stick out, so the fix is easy to find.
 */
export async function expectNoSidewaysScroll(page: Page, width: number = REFLOW_WIDTH): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width, height: viewport?.height ?? 800 });
  const result = await sidewaysScroll(page);
  expect(result.offenders, `${page.url()} is ${result.scrollWidth} px wide at ${result.clientWidth} px: it scrolls sideways`).toEqual([]);
  expect(result.scrollWidth, `${page.url()} scrolls sideways at ${width} px`).toBeLessThanOrEqual(result.clientWidth);
}

/**
 * How wide the page is at the current viewport, and the outermost elements that stick out of it
 * (none inside a scroll container that itself fits): empty offenders and scrollWidth ≤ clientWidth
 * means the page reflows.
 */
export async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    const offenders: string[] = [];
    if (overflow > 0) {
      for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        if (element.closest("script, style, template")) continue;
        const box = element.getBoundingClientRect();
        if (box.right > root.clientWidth + 1 && box.width > 0) {
          // Only report the outermost element that sticks out, not every child of it, and nothing
          // inside a scroll container that itself fits (its content scrolls inside it, not the page).
          const parent = element.parentElement;
          if (parent && parent.getBoundingClientRect().right > root.clientWidth + 1) continue;
          let clipped = false;
          for (let ancestor = parent; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
            const clips = ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(ancestor).overflowX);
            if (clips && ancestor.getBoundingClientRect().right <= root.clientWidth + 1) clipped = true;
          }
          if (clipped) continue;
          const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""}`;
          offenders.push(`${name} (right edge ${Math.round(box.right)} px)`);
          if (offenders.length >= 5) break;
        }
      }
    }
    // Nothing found outside a scroll container, yet the page is wide: name the widest elements anyway.
    if (overflow > 0 && offenders.length === 0) {
      const widest = Array.from(document.body.querySelectorAll<HTMLElement>("*"))
        .map((element) => ({ element, right: element.getBoundingClientRect().right }))
        .sort((a, b) => b.right - a.right)
        .slice(0, 3);
      for (const { element, right } of widest) offenders.push(`${element.tagName.toLowerCase()}.${String(element.className).trim().split(/\s+/).join(".")} (right edge ${Math.round(right)} px)`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}
