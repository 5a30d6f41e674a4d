import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isoDateFromDb } from "@/lib/db/dates";
import type { User } from "@/lib/db/prisma";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { withCheckAnswers } from "@/lib/forms/check-answers-intent";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { authorisedAction, type ChainDependencies } from "@/lib/server/actions/authorised-action";
import { previewIntakeDeadlines } from "@/lib/server/intake/preview-deadlines";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createProvider, uniqueNino, uniquePurchaseOrder, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Intake with check your answers (docs/decisions/0018-check-answers-before-a-case-is-created.md):
 * the PRaP intake's action built exactly as app/(signed-in)/referrals/actions.ts builds it, posted
 * as a browser would. "Continue" saves nothing and shows the deadlines the answers give; "Change"
 * echoes every answer; "Record referral" creates the case, whose stored deadlines are the ones shown.
 */

let db: TestDatabase;
let provider: Provider;
let user: User;

async function sessionOf(account: User): Promise<CurrentUser> {
  const found = await findSessionUser(db.prisma, account.id, account.sessionVersion);
  if (!found) throw new Error(`no session for ${account.email}`);
  return { ...found, ip: "203.0.113.30", userAgent: "Vitest (check answers)" };
}

function intakeAction() {
  const dependencies: ChainDependencies = { currentUser: () => sessionOf(user), database: async () => db.prisma };
  const schema = schemaForToday(referralIntakeSchemaOn);
  const check = authorisedAction(
    { name: "checkPrapReferral", permission: "create:referral:any", schema },
    async (input, actor, prisma) => ({
      review: {
        deadlines: await previewIntakeDeadlines(prisma, actor, {
          permission: "create:referral:any",
          siteId: input.referral.siteId,
          ruleset: input.referral.ruleset,
          state: "referred",
          restrictionTier: input.mappa ? "mappa" : "none",
          referralDate: input.referral.referralDate,
          referralReceivedOn: input.referral.referralReceivedOn,
        }),
      },
    }),
    dependencies,
  );
  const record = authorisedAction(
    { name: "recordPrapReferral", permission: "create:referral:any", schema },
    async (input, actor, prisma) => ({ redirectTo: `/referrals/recorded/${(await recordPrapReferral(prisma, actor, input)).caseId}` }),
    dependencies,
  );
  return withCheckAnswers(check, record);
}

function answers(): Record<string, string> {
  return {
    siteId: provider.sites.england.id,
    purchaseOrderNumber: uniquePurchaseOrder("non_uc"),
    referralId: `PRAP-CYA-${Math.random().toString(36).slice(2, 10)}`,
    provisionId: "SES-P2-NATIONAL",
    "referralDate-day": "28",
    "referralDate-month": "11",
    "referralDate-year": "2017",
    "referralReceivedOn-day": "28",
    "referralReceivedOn-month": "11",
    "referralReceivedOn-year": "2017",
    route: "derived",
    forename: "Niamh",
    surname: "Check-Answers",
    nino: uniqueNino(),
    disabled: "no",
    addressLine1: "12 Wharf Approach",
    town: "Leeds",
    postcode: "LS1 4BZ",
    handoverRole: "work_coach",
    handoverName: "Rachel Moorhouse",
    handoverPhone: "0113 496 0301",
    handoverEmail: "rachel.moorhouse@jobcentre.example.test",
    "warmHandoverOn-day": "28",
    "warmHandoverOn-month": "11",
    "warmHandoverOn-year": "2017",
  };
}

function post(fields: Record<string, string>, intent?: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (intent) data.append("intent", intent);
  return data;
}

const caseCount = () => db.prisma.case.count({ where: { organisationId: provider.organisation.id } });
const auditCount = () => db.prisma.auditEvent.count({ where: { actorId: user.id } });

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
  user = provider.users.caseworker;
});
afterAll(async () => {
  await db?.close();
});

describe("PRaP intake with check your answers", () => {
  it("Continue checks the answers, shows the key deadlines the referral date gives, and saves nothing (13.13, 3.07)", async () => {
    const [cases, audits] = [await caseCount(), await auditCount()];
    const state = await intakeAction()(undefined, post(answers(), "check"));
    expect(state.status).toBe("review");
    expect(state.values.surname).toBe("Check-Answers");
    expect(state.values).not.toHaveProperty("intent");
    const labels = state.review?.deadlines.map((deadline) => deadline.label) ?? [];
    expect(labels).toContain("Start on provision");
    expect(state.review?.deadlines.every((deadline) => deadline.passed)).toBe(true);
    expect(await caseCount()).toBe(cases);
    expect(await auditCount()).toBe(audits);
  });

  it("a bad answer on Continue shows the GOV.UK errors with every answer kept, and saves nothing", async () => {
    const cases = await caseCount();
    const state = await intakeAction()(undefined, post({ ...answers(), surname: "" }, "check"));
    expect(state.status).toBe("error");
    expect(state.fieldErrors.surname).toBe("Enter the claimant’s surname");
    expect(state.values.forename).toBe("Niamh");
    expect(await caseCount()).toBe(cases);
  });

  it("Change goes back to the questions with every answer and the field to focus, and saves nothing", async () => {
    const [cases, audits] = [await caseCount(), await auditCount()];
    const posted = answers();
    const state = await intakeAction()(undefined, post(posted, "change:referralDate"));
    expect(state.status).toBe("idle");
    expect(state.focus).toBe("referralDate");
    expect(state.values).toEqual(posted);
    expect(await caseCount()).toBe(cases);
    expect(await auditCount()).toBe(audits);
  });

  it("Record referral creates the case, whose stored start deadline is the one the check page showed", async () => {
    const posted = answers();
    const checked = await intakeAction()(undefined, post(posted, "check"));
    const shownStart = checked.review?.deadlines.find((deadline) => deadline.label === "Start on provision")?.dueOn;
    const cases = await caseCount();
    const outcome = await intakeAction()(undefined, post(checked.values, "record")).then(
      () => null,
      (thrown: Error & { digest?: string }) => thrown,
    );
    expect(outcome?.message).toBe("NEXT_REDIRECT");
    const caseId = /\/referrals\/recorded\/([0-9a-f-]{36})/.exec(String(outcome?.digest))?.[1];
    expect(caseId).toBeDefined();
    expect(await caseCount()).toBe(cases + 1);
    const stored = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { startDueOn: true } });
    expect(shownStart).toBe(formatLongDate(isoDateFromDb(stored.startDueOn)!));
  });

  it("Continue is refused without the permission to record a referral (AC-01)", async () => {
    const previous = user;
    user = provider.users.manager;
    try {
      const state = await intakeAction()(undefined, post(answers(), "check"));
      expect(state.status).toBe("error");
      expect(state.message).toBe("You do not have permission to do that.");
    } finally {
      user = previous;
    }
  });
});
