import { expect, test } from "./support/test";

/**
 * The HTTP part of docs/security.md IV-01 and LG-05 against the production build: query
 * parameters typed by anyone never make a 500 (review finding M6: `page=1e308` did), and every
 * response carries a request id the server chose.
 */

const BAD_VALUES = ["1e308", "99999999999999999999", "-1", "%00", "%E0%A4%A", "two", "1.5", "%0A%0D", "'%3B--"];

test.describe("bad query parameters (IV-01)", () => {
  test.use({ signedInAs: "caseworker" });

  test("never make a 500 on the case lists, whatever page, view or sort is asked for (IV-01)", async ({ page }) => {
    for (const value of BAD_VALUES) {
      for (const path of [`/cases?view=search&page=${value}`, `/cases?view=open&page=${value}`, `/cases?view=${value}&sort=${value}`, `/cases?page=1&page=${value}`]) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
      }
    }
  });
});

test.describe("bad query parameters for an administrator (IV-01)", () => {
  test.use({ signedInAs: "administrator" });

  test("never make a 500 on the security report or the bank holidays (IV-01)", async ({ page }) => {
    for (const value of BAD_VALUES) {
      for (const path of [`/security?page=${value}&user=${value}&from-day=${value}`, `/admin/bank-holidays?year=${value}&nation=${value}`]) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
      }
    }
  });
});

test("every response has a request id chosen by the server, not the client (LG-05)", async ({ page }) => {
  const response = await page.request.get("/sign-in", { headers: { "x-request-id": "forged-by-client" } });
  const requestId = response.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestId).not.toBe("forged-by-client");
});
