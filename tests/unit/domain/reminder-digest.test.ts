import { describe, expect, it } from "vitest";
import { buildDigest, deadlineBucket, digestEmail, londonHour } from "@/lib/domain/reminders/digest";

/** The daily reminder digest, pure (docs/decisions/0022-background-jobs.md; docs/security.md SO-08). */
describe("the reminder digest", () => {
  it("puts a clock in overdue, due today or due soon, and nothing after the window", () => {
    expect(deadlineBucket("2026-12-02", "2026-12-03", "2026-12-08")).toBe("overdue");
    expect(deadlineBucket("2026-12-03", "2026-12-03", "2026-12-08")).toBe("dueToday");
    expect(deadlineBucket("2026-12-08", "2026-12-03", "2026-12-08")).toBe("dueSoon");
    expect(deadlineBucket("2026-12-09", "2026-12-03", "2026-12-08")).toBeNull();
    expect(deadlineBucket(null, "2026-12-03", "2026-12-08")).toBeNull();
  });

  it("is null when there is nothing to tell the person", () => {
    expect(buildDigest({ today: "2026-12-03", dueSoonUntil: "2026-12-08", assigned: [{ reference: "SES-000001", dueOn: "2026-12-20" }] })).toBeNull();
    expect(buildDigest({ today: "2026-12-03", dueSoonUntil: "2026-12-08", unassigned: { total: 0, cases: [] } })).toBeNull();
  });

  it("summarises a manager's sections with their totals, listing at most 25 cases each", () => {
    const cases = Array.from({ length: 30 }, (_, i) => ({ reference: `SES-${String(i).padStart(6, "0")}`, dueOn: null }));
    const digest = buildDigest({ today: "2026-12-03", dueSoonUntil: "2026-12-08", unassigned: { total: 30, cases }, startBreaches: { total: 1, cases: [{ reference: "SES-000099", dueOn: "2026-12-01" }] } })!;
    expect(digest.sections.map((s) => [s.key, s.total, s.cases.length])).toEqual([["unassigned", 30, 25], ["startBreaches", 1, 1]]);
    expect(digest.summary).toBe("31 cases need attention (unassigned cases waiting: 30; start target breached or at risk: 1)");
  });

  it("writes an e-mail of references, dates and the sign-in link only", () => {
    const digest = buildDigest({ today: "2026-12-03", dueSoonUntil: "2026-12-08", assigned: [{ reference: "SES-000007", dueOn: "2026-12-03" }] })!;
    const email = digestEmail(digest, "2026-12-03", "https://ses.example/");
    expect(email.subject).toBe("SES Casework reminders for 2026-12-03");
    expect(email.text).toContain("- SES-000007 (due 2026-12-03)");
    expect(email.text).toContain("https://ses.example/notifications");
  });

  it("reads 08:00 on the UK clock in GMT and in BST", () => {
    expect(londonHour(new Date("2026-12-03T08:00:00Z"))).toBe(8);
    expect(londonHour(new Date("2026-06-10T07:00:00Z"))).toBe(8);
    expect(londonHour(new Date("2026-06-10T06:59:00Z"))).toBe(7);
  });
});
