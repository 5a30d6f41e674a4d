import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "@/lib/seed/demo/index";
import { seedDemo } from "../../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { getLifecycleStepPage } from "../../../lib/server/cases/lifecycle/lifecycle-page";
import { UseCaseError } from "../../../lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
const leftToday = { "leftOn-day": "24", "leftOn-month": "11", "leftOn-year": "2026" };
// Changed on purpose: the exit form asks the date it was completed, its business date (docs/rules/decisions.md: business dates).
const completedToday = { "happenedOn-day": "24", "happenedOn-month": "11", "happenedOn-year": "2026" };

/** A lifecycle step's page (/cases/[caseId]/act/<slug>): one question to the state machine per view. */
describe("a lifecycle step page", () => {
  let db: TestDatabase;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  const actor = async (key: "caseworker" | "officer"): Promise<UseCaseActor> => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
    return { id: user.id, roles: user.roles, organisationId: user.organisationId };
  };
  const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof UseCaseError ? error.code : String(error)));

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: clock.today });
    caseworker = await actor("caseworker");
    officer = await actor("officer");
  });
  afterAll(() => db.close());

  it("asks an offered step's questions, with the administrator's early-leaving reasons (13.36, 3.16)", async () => {
    const page = await getLifecycleStepPage(db.prisma, caseworker, demoCaseId("s17-started"), "record_early_leaving", {}, clock);
    expect(page).toMatchObject({ kind: "question", next: "check-answers", errors: {}, header: { label: "Record early leaving" } });
    if (page.kind !== "question") return;
    expect(page.questions.map((question) => question.name)).toEqual(["happenedOn", "leftOn", "reasonCode"]);
    expect(page.questions[0].initial).toBe("2026-11-24");
    expect(page.questions[2].items).toContainEqual({ value: "found_work", text: "Found work" });
  });

  it("goes on to check your answers for an irreversible step the state machine allows, keeping the answers to post", async () => {
    const query = { step: "confirm", ...completedToday, ...leftToday, reasonCode: "found_work" };
    const page = await getLifecycleStepPage(db.prisma, caseworker, demoCaseId("s17-started"), "record_early_leaving", query, clock);
    expect(page).toMatchObject({ kind: "check-answers", warning: false, answers: { ...leftToday, reasonCode: "found_work" } });
    if (page.kind !== "check-answers") return;
    expect(page.rows).toContainEqual({ key: "Reason", value: "Found work", change: "reason" });
    expect(page.changeHref).toMatch(/\/act\/record-early-leaving\?.*reasonCode=found_work/);
  });

  it("keeps the question with the form's errors, or the state machine's, against their fields", async () => {
    const missing = await getLifecycleStepPage(db.prisma, caseworker, demoCaseId("s17-started"), "record_early_leaving", { step: "confirm", ...completedToday, ...leftToday }, clock);
    expect(missing).toMatchObject({ kind: "question", errors: { reasonCode: "Select the reason they left early" }, values: leftToday });
    const future = { step: "confirm", ...completedToday, "leftOn-day": "25", "leftOn-month": "11", "leftOn-year": "2026", reasonCode: "found_work" };
    const refused = await getLifecycleStepPage(db.prisma, caseworker, demoCaseId("s17-started"), "record_early_leaving", future, clock);
    expect(refused).toMatchObject({ kind: "question", errors: { leftOn: "The early leaving date must be today or in the past (3.16)" } });
  });

  it("says why a step is unavailable now, in the state machine's words, whatever was typed (3.07)", async () => {
    const page = await getLifecycleStepPage(db.prisma, caseworker, demoCaseId("s17-referred"), "record_early_leaving", { step: "confirm", ...leftToday }, clock);
    expect(page).toMatchObject({ kind: "unavailable" });
    if (page.kind === "unavailable") expect(page.message).toMatch(/has not started.*\(3\.07\)$/);
  });

  it("answers an SCR case exactly as a random id for a caseworker (AC-01), and writes a restricted read for the nominated officer (LG-01)", async () => {
    const scr = demoCaseId("scr-referred");
    expect(await codeOf(getLifecycleStepPage(db.prisma, caseworker, scr, "record_start", {}, clock))).toBe("NOT_FOUND");
    expect(await codeOf(getLifecycleStepPage(db.prisma, caseworker, randomUUID(), "record_start", {}, clock))).toBe("NOT_FOUND");
    const reads = () => db.prisma.auditEvent.count({ where: { caseId: scr, action: "case.restricted_read_action_page", restrictedRead: true } });
    const before = await reads();
    expect(await getLifecycleStepPage(db.prisma, officer, scr, "record_start", {}, clock)).toMatchObject({ kind: "question", next: "server" });
    expect(await reads()).toBe(before + 1);
  });
});
