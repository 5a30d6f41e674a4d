import { DEMO_PASSWORD, siteId } from "@/lib/seed/demo";
import { expectNoAccessibilityViolations, expectPageTitled } from "./support/axe";
import { answerSecurityCode, DEMO_USERS, firstSignInFromLink, navigationLabels, shownPasswordLink, SIGN_OUT_ACCOUNT, signInThroughForm } from "./support/sign-in";
import { expect, test } from "./support/test";

// Sign in as each role and see only what that role can use (docs/rules/roles.md).
const EXPECTED_NAVIGATION: Record<keyof typeof DEMO_USERS, string[]> = {
  caseworker: ["Home", "Cases", "New referral", "Notifications", "Downloads"],
  nominatedOfficer: ["Home", "Cases", "New referral", "Restricted cases", "Security report", "Subject access", "Notifications", "Downloads"],
  manager: ["Home", "Cases", "Dashboard", "Notifications", "Downloads"],
  administrator: ["Home", "Users", "Sites", "Bank holidays", "Settings and contacts", "Security report", "Subject access", "Retention", "Jobs", "Downloads"],
};

/**
 * The sign-in form itself, so these tests sign in through it (support/sign-in.ts); the rest of the
 * suite signs in by cookie (support/test.ts). The two that sign out use the `multi` account, which
 * no test signs in as by cookie, and share a lock so that neither ends the other's session.
 */
test.describe("signing in", () => {
  for (const [role, email] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, string][]) {
    test(`a ${role} signs in and sees only the navigation their role can use`, async ({ page }) => {
      await signInThroughForm(page, email);
      expect(await navigationLabels(page)).toEqual(EXPECTED_NAVIGATION[role]);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
      await expectNoAccessibilityViolations(page);
    });
  }

  test("a page reached by a redirect from a server action has its title as soon as its heading (WCAG 2.4.2)", { lock: "sign-out-account" }, async ({ page }) => {
    // Signing in redirects to the home page; adding a user shows its set-up link in place. Each is a
    // client-side navigation: the watcher in support/test.ts records any moment with a heading and
    // no title, and expectPageTitled reads the title the moment the heading shows, without waiting.
    await signInThroughForm(page, SIGN_OUT_ACCOUNT);
    await expectPageTitled(page, "Home");
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill("Tomasz Wiśniewski");
    await page.getByLabel("Email address", { exact: true }).fill("tomasz.wisniewski@ses.example");
    await page.getByLabel("Caseworker").check();
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("User added.")).toBeVisible();
    await expectPageTitled(page, "User added");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to SES Casework" })).toBeVisible();
    await expectPageTitled(page, "Sign in");
  });

  test("a wrong password is refused with the generic message, focused summary and Error: title (AU-02, UX-03)", async ({ page }) => {
    await page.goto("/sign-in");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.caseworker);
    await page.getByLabel("Password", { exact: true }).fill("definitely-not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter a correct email address and password");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(DEMO_USERS.caseworker);
    await expectNoAccessibilityViolations(page);

    // An unknown email gets exactly the same words.
    await page.getByLabel("Email address", { exact: true }).fill("nobody@ses.example");
    await page.getByLabel("Password", { exact: true }).fill("definitely-not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(summary).toContainText("Enter a correct email address and password");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a signed-out visit to any page redirects to sign-in and comes back after signing in", async ({ page }) => {
    const response = await page.goto("/admin/users");
    expect(response?.ok()).toBe(true);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
    await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.administrator);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The second step keeps where the user was going (AU-04).
    await answerSecurityCode(page);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });

  test("a page the role cannot use answers 404, not 403 (AC-01)", async ({ page, loginAs }) => {
    await loginAs("caseworker");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("sign-out is on every signed-in page and ends the session (SE-06, SE-04)", { lock: "sign-out-account" }, async ({ page, context }) => {
    await signInThroughForm(page, SIGN_OUT_ACCOUNT);
    const cookiesBefore = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    // Replaying the old session cookie does not sign anyone back in.
    await context.addCookies(cookiesBefore);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("sessions and headers", () => {
  test("the session cookie is __Host-, HttpOnly, Secure and SameSite=Lax (SE-01)", async ({ page, context }) => {
    // The cookie as the server sets it on signing in, so through the form.
    await signInThroughForm(page, DEMO_USERS.caseworker);
    const session = (await context.cookies()).find((cookie) => cookie.name.includes("ses.session"));
    expect(session?.name).toBe("__Host-ses.session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.secure).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.path).toBe("/");
    // Sessions expire: idle timeout of 30 minutes at most (SE-02).
    expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000 + 5_000);
  });

  test("every response carries the security headers (HD-01, HD-03, HD-04)", async ({ page, request, loginAs }) => {
    await loginAs("caseworker");
    const response = await page.goto("/");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).not.toMatch(/unsafe-eval/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["cache-control"]).toMatch(/no-store|private/);

    const signIn = await request.get("/sign-in");
    expect(signIn.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    const asset = await request.get(stylesheet!);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    expect(asset.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });
});

test.describe("administrator", () => {
  test("adds a user who sets their own password from a single-use set-up link, then deactivating them ends their session (AU-06, AU-07)", async ({ browser, page, loginAs }) => {
    await loginAs("administrator");
    await page.goto("/admin/users");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Add a user" }).click();
    await expectNoAccessibilityViolations(page);

    // A bad submission shows every error and keeps what was typed. There is no password field:
    // the administrator never types or learns the user's password (AU-06).
    await expect(page.getByLabel("Initial password")).toHaveCount(0);
    await page.getByLabel("Full name").fill("Priya Natarajan");
    await page.getByRole("button", { name: "Add user" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter an email address");
    await expect(summary).toContainText("Select at least one role");
    await expect(page.getByLabel("Full name")).toHaveValue("Priya Natarajan");
    await expectNoAccessibilityViolations(page);

    const email = `priya.natarajan.${Date.now()}@ses.example`;
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Caseworker").check();
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("User added.")).toBeVisible();
    const link = await shownPasswordLink(page);
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await expectNoAccessibilityViolations(page);

    const other = await browser.newContext();
    const newUserPage = await other.newPage();
    const password = "Quiet-meadow-river-2031";
    await newUserPage.goto(new URL(link).pathname);
    await expectNoAccessibilityViolations(newUserPage);
    // The policy applies (AU-03), and nothing is spent by a refused attempt.
    await newUserPage.getByLabel("New password", { exact: true }).fill("short");
    await newUserPage.getByLabel("Confirm new password", { exact: true }).fill("short");
    await newUserPage.getByRole("button", { name: "Set password" }).click();
    await expect(newUserPage.locator(".govuk-error-summary")).toContainText("12 characters");
    await firstSignInFromLink(newUserPage, link, email, password);
    expect(await navigationLabels(newUserPage)).toEqual(EXPECTED_NAVIGATION.caseworker);

    // The link works once.
    const again = await (await browser.newContext()).newPage();
    await again.goto(new URL(link).pathname);
    await expect(again.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

    await page.getByRole("link", { name: "Go to the user" }).click();
    await page.getByRole("button", { name: "Deactivate user" }).click();
    await expect(page.getByText("User deactivated.")).toBeVisible();

    await newUserPage.goto("/");
    await expect(newUserPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("a field typed into while the page is still loading keeps what was typed (tests act as a person would)", async ({ page, loginAs }) => {
    // React re-initialises a server-rendered <textarea> that holds a value from its props when it
    // hydrates, so typing before hydration was silently undone and a journey once submitted the old
    // text. The suite's field actions wait for hydration (support/test.ts); slow scripts make the
    // race certain. The site is not saved.
    await loginAs("administrator");
    await page.route("**/_next/static/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.goto(`/admin/sites/${siteId("leeds")}`, { waitUntil: "commit" });
    const address = page.getByLabel("Address (optional)");
    await address.fill("1 Harbour Street\nLeith");
    await page.waitForFunction(() => {
      const field = document.querySelector("textarea[name=address]");
      return field !== null && Object.keys(field).some((key) => key.startsWith("__reactProps$"));
    });
    await expect(address).toHaveValue("1 Harbour Street\nLeith");
  });

  test("sees the sites with their nations", async ({ page, loginAs }) => {
    await loginAs("administrator");
    await page.goto("/admin/sites");
    await expect(page.getByRole("cell", { name: "Scotland" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "England and Wales" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
