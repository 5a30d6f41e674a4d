import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/test";

/**
 * The end-to-end server runs on the embedded database, where the server runs the background-job
 * worker itself (docs/decisions/0025-jobs-on-the-embedded-database.md; docs/security.md SO-07).
 */
test.describe("background jobs on the embedded database", () => {
  test("the server is ready: its own worker's heartbeat is recent", async ({ request }) => {
    // The worker starts beside the server, so the first answer may come before its first heartbeat.
    await expect.poll(async () => (await request.get("/readyz")).status()).toBe(200);
    const response = await request.get("/readyz");
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", worker: "ok" } });
  });

  test.describe("the jobs page", () => {
    test.use({ signedInAs: "administrator" });

    test("an administrator sees the job queue, not a message that there is none", async ({ page }) => {
      await page.goto("/admin/jobs");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Background jobs");
      await expect(page.getByText("The job queue is not set up")).toHaveCount(0);
      await expect(page.getByText("No jobs are waiting, running or failed").or(page.getByRole("table"))).toBeVisible();
      await expectNoAccessibilityViolations(page);
    });
  });
});
