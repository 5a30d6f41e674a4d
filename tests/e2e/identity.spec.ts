import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "@/lib/security/mfa-secret";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations } from "./support/axe";
import { answerSecurityCode, DEMO_USERS, firstSignInFromLink, shownPasswordLink, SIGN_OUT_ACCOUNT, signInThroughForm } from "./support/sign-in";
import { expect, test, waitForHydration } from "./support/test";

/**
 * Identity (docs/security.md AU-04, AU-06, SE-03, SE-04, DP-08): the second factor at sign-in,
 * set-up at first sign-in, the set-up link, the session timeout warning and sign-out clearing
 * the browser. Sign-ins here go through the form; the manager account is the one whose codes
 * this spec spends (a code works once), and sign-out uses the shared `multi` account's lock.
 */

async function passwordStep(page: import("@playwright/test").Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter your security code" })).toBeVisible({ timeout: 90_000 });
}

test.describe("two-factor authentication (AU-04)", () => {
  test("AU-04: a manager gives a TOTP code after the password; a wrong code is refused, and until then only the two-factor page is reachable", async ({ page }) => {
    await passwordStep(page, DEMO_USERS.manager);
    await expectNoAccessibilityViolations(page);

    // Part-way signed in: the app's pages send the session back to the second step, and the
    // session endpoint says "not signed in".
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\/two-factor\?callbackUrl=%2Fdashboard/);
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

    await page.getByLabel("Security code", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("The code is not right");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAccessibilityViolations(page);

    await answerSecurityCode(page, DEMO_TOTP_SECRET);
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ user: { email: DEMO_USERS.manager } });
  });

  test("AU-04, AU-06: a new manager sets their password from the link, must set up two-factor at first sign-in, and can later sign in with a recovery code once", async ({ browser, page, loginAs }) => {
    await loginAs("administrator");
    const email = `new.manager.${Date.now()}@ses.example`;
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill("Morag Lindqvist");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Manager").check();
    await page.getByRole("button", { name: "Add user" }).click();
    const link = await shownPasswordLink(page);

    const context = await browser.newContext();
    const newUser = await context.newPage();
    const password = "Copper-kettle-orchard-2040";
    const { totpSecret, recoveryCodes } = await firstSignInFromLink(newUser, link, email, password);
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(recoveryCodes).toHaveLength(10);
    await expect(newUser.getByRole("navigation", { name: "Menu" })).toContainText("Dashboard");

    // Next sign-in: a recovery code instead of the app's code; it is spent.
    await context.clearCookies();
    await passwordStep(newUser, email, password);
    await newUser.getByLabel("Security code", { exact: true }).fill(recoveryCodes[0]);
    await newUser.getByRole("button", { name: "Continue" }).click();
    await expect(newUser.getByRole("navigation", { name: "Menu" })).toBeVisible({ timeout: 30_000 });
    await context.clearCookies();
    await passwordStep(newUser, email, password);
    await newUser.getByLabel("Security code", { exact: true }).fill(recoveryCodes[0]);
    await newUser.getByRole("button", { name: "Continue" }).click();
    await expect(newUser.locator(".govuk-error-summary")).toContainText("The code is not right");
    // Each code works once (AU-04): wait for the app's next code if this time step's was used at set-up.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
    await newUser.getByLabel("Security code", { exact: true }).fill(await generate({ secret: totpSecret! }));
    await newUser.getByRole("button", { name: "Continue" }).click();
    await expect(newUser.getByRole("navigation", { name: "Menu" })).toBeVisible({ timeout: 30_000 });
    await context.close();
  });
});

test.describe("Auth.js's own routes (SE-04)", () => {
  test("SE-04: the built-in sign-out, CSRF and callback endpoints are closed, and the session endpoint answers null without a session", async ({ request }) => {
    expect((await request.get("/api/auth/signout")).status()).toBe(404);
    expect((await request.post("/api/auth/signout")).status()).toBe(404);
    expect((await request.get("/api/auth/csrf")).status()).toBe(404);
    expect((await request.post("/api/auth/callback/credentials", { form: { email: DEMO_USERS.caseworker, password: DEMO_PASSWORD } })).status()).toBe(404);
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();
  });
});

test.describe("session timeout warning (SE-03, UX-05)", () => {
  test.use({ signedInAs: "caseworker" });

  test("SE-03: two minutes before the idle limit a dialog offers 'Stay signed in', which works again and again without a reload; at the limit the user is taken to sign in", async ({ page }) => {
    await page.clock.install();
    await page.goto("/cases");
    const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
    await expect(dialog).toBeHidden();
    // The warning's clock starts when React renders it: jumping ahead before that (a slow machine)
    // would start it after the jump, and no warning could be due.
    await waitForHydration(page.locator("dialog.ses-timeout-dialog"));

    for (let round = 0; round < 2; round += 1) {
      await page.clock.fastForward("28:01");
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("we will sign you out in 2 minutes");
      // Focus moves into the dialog (native modal) on its first button.
      await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
      if (round === 0) await expectNoAccessibilityViolations(page);
      await dialog.getByRole("button", { name: "Stay signed in" }).click();
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(/\/cases$/);
    }

    // At the limit the server has let the session lapse (its cookie expires with it); the browser
    // goes to sign in, saying why, and would come back here afterwards.
    await page.context().clearCookies();
    await page.clock.fastForward("30:01");
    await expect(page).toHaveURL(/\/sign-in\?timedOut=1&callbackUrl=%2Fcases/);
    await expect(page.getByText("You were signed out because you had not done anything for a while.")).toBeVisible();
  });
});

test.describe("sign-out clears the browser (DP-08)", () => {
  test("DP-08: signing out answers Clear-Site-Data for cache and storage, and deletes the session and search cookies but keeps the remembered device (AU-02)", { lock: "sign-out-account" }, async ({ page, context }) => {
    await signInThroughForm(page, SIGN_OUT_ACCOUNT);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === "/sign-out" && candidate.request().method() === "POST"),
      page.getByRole("button", { name: "Sign out" }).click(),
    ]);
    expect(response.status()).toBe(303);
    const headers = await response.allHeaders();
    expect(headers["clear-site-data"]).toBe('"cache", "storage"');
    expect(headers["set-cookie"]).toMatch(/__Host-ses\.search=;/);
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
    const left = await context.cookies();
    expect(left.filter((cookie) => cookie.name.startsWith("__Host-ses.") && cookie.name !== "__Host-ses.device")).toEqual([]);
    // The remembered device (a random id, nothing personal) survives, so its owner can still unlock a lock.
    expect(left.map((cookie) => cookie.name)).toContain("__Host-ses.device");
  });
});
