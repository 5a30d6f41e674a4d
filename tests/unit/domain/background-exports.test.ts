import { describe, expect, it } from "vitest";
import { confirmationMessage, listUrlAfter } from "@/app/(signed-in)/admin/bank-holidays/bank-holiday-text";
import { BACKGROUND_EXPORT_THRESHOLD, backgroundExportThreshold, EXPORT_FILE_STATUS_TEXT } from "@/lib/domain/exports/export-files";

/** docs/decisions/0022-background-jobs.md: exports over 5,000 rows and the bank-holiday recompute go to the worker. */
describe("the background export threshold", () => {
  it("is 5,000 rows, and only demo mode may lower it through SES_BACKGROUND_EXPORT_THRESHOLD", () => {
    expect(BACKGROUND_EXPORT_THRESHOLD).toBe(5_000);
    expect(backgroundExportThreshold({ SES_MODE: "demo", SES_BACKGROUND_EXPORT_THRESHOLD: "10" })).toBe(10);
    expect(backgroundExportThreshold({ NODE_ENV: "production", SES_BACKGROUND_EXPORT_THRESHOLD: "10" })).toBe(5_000);
    expect(backgroundExportThreshold({ SES_MODE: "production", SES_BACKGROUND_EXPORT_THRESHOLD: "10" })).toBe(5_000);
    expect(backgroundExportThreshold({ SES_MODE: "demo", SES_BACKGROUND_EXPORT_THRESHOLD: "ten" })).toBe(5_000);
  });

  it("names every file state in words, never its code", () => {
    for (const [code, text] of Object.entries(EXPORT_FILE_STATUS_TEXT)) expect(text).not.toBe(code);
  });
});

describe("the bank-holiday change's confirmation", () => {
  it("says the recompute is queued when it went to the worker, and how many cases when it ran in the request", () => {
    expect(listUrlAfter("created", 2026, { recomputedCases: null, recomputeQueued: true })).toBe("/admin/bank-holidays?year=2026&updated=created&recompute=queued");
    expect(listUrlAfter("created", 2026, { recomputedCases: 2, recomputeQueued: false })).toBe("/admin/bank-holidays?year=2026&updated=created&cases=2");
    expect(confirmationMessage("created", undefined, "queued")).toMatch(/^Bank holiday added\. The due dates .* are being recomputed in the background/);
    expect(confirmationMessage("removed", "2", undefined)).toBe("Bank holiday removed. Due dates recomputed for 2 cases.");
  });
});
