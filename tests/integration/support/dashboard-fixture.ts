import { isoDateToDb } from "@/lib/db/dates";
import type { CaseRoute, CaseState, PrismaClient, ReasonKind, RestrictionTier, Ruleset } from "@/lib/db/prisma";
import { reasonId } from "@/lib/seed/reasons";
import { seedReferenceData } from "@/lib/seed/seed-demo";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { recomputeDueDates } from "@/lib/server/cases/recompute-due-dates";
import type { UseCaseActor } from "@/lib/server/assert-can";

/**
 * A small, hand-counted dataset for the dashboard. TODAY is Thursday 3 December 2026.
 * Leeds uses England and Wales's calendar; Glasgow uses Scotland's, where Monday 30 November
 * 2026 (St Andrew's Day) is a bank holiday — so a Glasgow case referred on 2 November must start
 * by Tuesday 1 December, a Leeds one by Monday 30 November. Every expected figure in
 * dashboard-figures.test.ts is counted by hand from the comments here.
 */
export const TODAY = "2026-12-03";
export const NOW = new Date("2026-12-03T12:00:00.000Z");

export const ORG = "00000000-0000-4000-8000-0000000000a1";
export const OTHER_ORG = "00000000-0000-4000-8000-0000000000a2";
export const LEEDS = "00000000-0000-4000-8000-0000000000b1";
export const GLASGOW = "00000000-0000-4000-8000-0000000000b2";
export const OTHER_SITE = "00000000-0000-4000-8000-0000000000b3";
export const MANAGER = "00000000-0000-4000-8000-0000000000c1";
export const CASEWORKER_A = "00000000-0000-4000-8000-0000000000c2";
export const CASEWORKER_B = "00000000-0000-4000-8000-0000000000c3";
export const OFFICER = "00000000-0000-4000-8000-0000000000c4";
export const OTHER_MANAGER = "00000000-0000-4000-8000-0000000000c5";

export const actors = {
  manager: { id: MANAGER, roles: ["manager"], organisationId: ORG },
  caseworkerA: { id: CASEWORKER_A, roles: ["caseworker"], organisationId: ORG },
  officer: { id: OFFICER, roles: ["caseworker", "nominated_officer"], organisationId: ORG },
  otherManager: { id: OTHER_MANAGER, roles: ["manager"], organisationId: OTHER_ORG },
} satisfies Record<string, UseCaseActor>;

interface CaseSpec {
  key: string;
  org?: string;
  site: string;
  route: CaseRoute;
  ruleset: Ruleset;
  state: CaseState;
  tier?: RestrictionTier;
  caseworker: string | null;
  forename?: string;
  referralDate: string | null;
  referralReceivedOn?: string;
  uc452ReceivedOn?: string;
  ucpr1ReceivedOn?: string;
  firstMetOn?: string;
  welcomeCallOn?: string;
  startedOn?: string;
  backOutEmailAt?: string;
  closedAt?: string;
  createdAt?: string;
  reason?: [ReasonKind, string];
  recommended?: boolean;
}

/** Case 1–14 and one in another organisation. Start deadlines (startDueOn) counted by hand. */
export const CASES: readonly CaseSpec[] = [
  // 1. Leeds, 2017. Referred Mon 2 Nov → due Mon 30 Nov (E&W). Started 20 Nov: ON TIME, November.
  { key: "c01", welcomeCallOn: "2026-11-03", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "started", caseworker: CASEWORKER_A, referralDate: "2026-11-02", firstMetOn: "2026-11-10", startedOn: "2026-11-20" },
  // 2. Glasgow, 2017. Referred Mon 2 Nov → due Tue 1 Dec (30 Nov is St Andrew's Day in Scotland).
  //    Started 1 Dec: ON TIME (it would be late in England), December = this month.
  { key: "c02", welcomeCallOn: "2026-11-03", site: GLASGOW, route: "prap_single", ruleset: "ses_2017", state: "started", caseworker: CASEWORKER_B, referralDate: "2026-11-02", firstMetOn: "2026-11-12", startedOn: "2026-12-01" },
  // 3. Leeds, 2017. Referred Thu 1 Oct → due Thu 29 Oct. Started 5 Nov: LATE, counted in October.
  { key: "c03", welcomeCallOn: "2026-10-02", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "started", caseworker: CASEWORKER_A, referralDate: "2026-10-01", firstMetOn: "2026-10-20", startedOn: "2026-11-05" },
  // 4. Leeds, UC 2016, accepted. Referred Thu 15 Oct → due Thu 12 Nov. Not started: MISSED,
  //    November; 15 working days overdue today. Forms in, IA held and recommended: no next action.
  {
    key: "c04", site: LEEDS, route: "prap_two_stage", ruleset: "ses_2016_uc", state: "accepted", caseworker: CASEWORKER_A, referralDate: "2026-10-15",
    referralReceivedOn: "2026-10-15", uc452ReceivedOn: "2026-10-16", ucpr1ReceivedOn: "2026-10-16", firstMetOn: "2026-10-20", recommended: true,
  },
  // 5. Glasgow, 2017, unassigned. Referred Mon 9 Nov → due Tue 8 Dec (Scotland). 3 working days
  //    left: AT RISK. Waiting since 9 Nov: 17 Scottish working days.
  { key: "c05", site: GLASGOW, route: "prap_single", ruleset: "ses_2017", state: "referred", caseworker: null, referralDate: "2026-11-09", referralReceivedOn: "2026-11-09" },
  // 6. Leeds, UC 2016. Referred/received Thu 26 Nov → start due Thu 24 Dec (15 working days left);
  //    Forms chase (13.14) and UCPR1 duplicate request (13.67) both due Wed 2 Dec and not done: one
  //    of each DUE, and the forms chase is the next action. Formula name.
  { key: "c06", site: LEEDS, route: "prap_two_stage", ruleset: "ses_2016_uc", state: "acknowledged", caseworker: CASEWORKER_A, forename: "=SUM(1+1)", referralDate: "2026-11-26", referralReceivedOn: "2026-11-26" },
  // 7. Leeds, UC 2016. Referred/received Mon 16 Nov, forms in 17 Nov; meet due Mon 30 Nov, not
  //    met: a MEETING MISSED. Start due Mon 14 Dec: 7 working days left.
  {
    key: "c07", site: LEEDS, route: "prap_two_stage", ruleset: "ses_2016_uc", state: "acknowledged", caseworker: CASEWORKER_A, referralDate: "2026-11-16",
    referralReceivedOn: "2026-11-16", uc452ReceivedOn: "2026-11-17", ucpr1ReceivedOn: "2026-11-17",
  },
  // 8. SCR (Leeds), SL2 received Thu 1 Oct → due 29 Oct; started 20 Oct: ON TIME, October — in totals only.
  { key: "c08", welcomeCallOn: "2026-10-02", site: LEEDS, route: "scr_clerical", ruleset: "ses_2017", tier: "scr", state: "started", caseworker: OFFICER, forename: "Restricted", referralDate: "2026-10-01", firstMetOn: "2026-10-10", startedOn: "2026-10-20" },
  // 9. Leeds, cancelled (Did Not Start), referred Tue 1 Sep → due Tue 29 Sep; closed Thu 10 Sep,
  //    BEFORE its deadline: not measured, listed as left before the deadline (13.13).
  { key: "c09", welcomeCallOn: "2026-09-02", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "cancelled", caseworker: CASEWORKER_A, referralDate: "2026-09-01", closedAt: "2026-09-10T11:00:00.000Z", reason: ["cancellation", "did_not_start"] },
  // 10. Leeds, left early. Referred Mon 3 Aug → due Tue 1 Sep (31 Aug is the E&W summer bank
  //     holiday). Started 20 Aug: ON TIME, counted in September (its deadline's month). Left early: found work.
  { key: "c10", welcomeCallOn: "2026-08-04", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "left_early", caseworker: CASEWORKER_A, referralDate: "2026-08-03", firstMetOn: "2026-08-10", startedOn: "2026-08-20", reason: ["early_leaving", "found_work"] },
  // 11. Leeds, rejected (made in error), referred Tue 3 Nov → due Tue 1 Dec; rejected Wed 2 Dec,
  //    AFTER its deadline: NOT STARTED BY THE DEADLINE, counted in December (13.13).
  { key: "c11", site: LEEDS, route: "prap_two_stage", ruleset: "ses_2016_uc", state: "rejected", caseworker: CASEWORKER_A, referralDate: "2026-11-03", referralReceivedOn: "2026-11-03", closedAt: "2026-12-02T09:00:00.000Z", reason: ["rejection", "other"] },
  // 12. Leeds, backed out: POST's email Wed 2 Dec 10:00 → cancel by Thu 3 Dec 10:00: PENDING and OVERDUE at noon.
  { key: "c12", welcomeCallOn: "2026-11-19", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "backed_out", caseworker: CASEWORKER_A, referralDate: "2026-11-18", backOutEmailAt: "2026-12-02T10:00:00.000Z" },
  // 13. Leeds, completed, referred June 2025: outside the last 12 months.
  { key: "c13", welcomeCallOn: "2025-06-03", site: LEEDS, route: "prap_single", ruleset: "ses_2017", state: "completed", caseworker: CASEWORKER_A, referralDate: "2025-06-02", firstMetOn: "2025-06-05", startedOn: "2025-06-10" },
  // 14. SCR (Leeds), unassigned, SL2 received Fri 20 Nov → due Fri 18 Dec: waiting to start — in totals only.
  { key: "c14", site: LEEDS, route: "scr_clerical", ruleset: "ses_2017", tier: "scr", state: "referred", caseworker: null, forename: "Restricted", referralDate: "2026-11-20" },
  // 15. SRO introduction, Leeds, unassigned, no referral yet (no start clock). Waiting since 25 Nov: 6 working days.
  { key: "c15", site: LEEDS, route: "sro_introduction", ruleset: "ses_2016_uc", state: "introduced", caseworker: null, referralDate: null, createdAt: "2026-11-25T10:00:00.000Z" },
  // Another organisation's missed case: never counted.
  { key: "x01", org: OTHER_ORG, site: OTHER_SITE, route: "prap_single", ruleset: "ses_2017", state: "referred", caseworker: null, referralDate: "2026-10-01" },
];

export const caseId = (key: string) => `00000000-0000-4000-8000-${key.startsWith("x") ? "9" : "0"}000000000${key.slice(1)}`;

export async function seedDashboardFixture(prisma: PrismaClient): Promise<void> {
  await seedReferenceData(prisma);
  await prisma.organisation.createMany({ data: [{ id: ORG, name: "Harbour Employment" }, { id: OTHER_ORG, name: "Other Provider" }] });
  await prisma.site.createMany({
    data: [
      { id: LEEDS, organisationId: ORG, name: "Leeds Central", nation: "england_and_wales" },
      { id: GLASGOW, organisationId: ORG, name: "Glasgow East", nation: "scotland" },
      { id: OTHER_SITE, organisationId: OTHER_ORG, name: "Elsewhere", nation: "england_and_wales" },
    ],
  });
  const user = (id: string, name: string, roles: ("caseworker" | "nominated_officer" | "manager")[], organisationId = ORG) => ({ id, name, roles, organisationId, email: `${id.slice(-2)}@test.example`, passwordHash: "x" });
  await prisma.user.createMany({
    data: [
      user(MANAGER, "Morag Manager", ["manager"]),
      user(CASEWORKER_A, "Alice Ashworth", ["caseworker"]),
      user(CASEWORKER_B, "Bruce Buchanan", ["caseworker"]),
      user(OFFICER, "Olive Officer", ["caseworker", "nominated_officer"]),
      user(OTHER_MANAGER, "Oscar Other", ["manager"], OTHER_ORG),
    ],
  });
  const calendar = await loadCalendar(prisma);
  let n = 0;
  for (const spec of CASES) {
    n += 1;
    const id = caseId(spec.key);
    const claimant = await prisma.claimant.create({ data: { forename: spec.forename ?? "Person", surname: `Case${spec.key}` } });
    await prisma.case.create({
      data: {
        id,
        reference: `SES-9${String(n).padStart(5, "0")}`,
        organisationId: spec.org ?? ORG,
        siteId: spec.site,
        claimantId: claimant.id,
        route: spec.route,
        ruleset: spec.ruleset,
        state: spec.state,
        restrictionTier: spec.tier ?? "none",
        assignedCaseworkerId: spec.caseworker,
        referralDate: isoDateToDb(spec.referralDate),
        referralReceivedOn: isoDateToDb(spec.referralReceivedOn),
        uc452ReceivedOn: isoDateToDb(spec.uc452ReceivedOn),
        ucpr1ReceivedOn: isoDateToDb(spec.ucpr1ReceivedOn),
        firstMetOn: isoDateToDb(spec.firstMetOn),
        welcomeCallOn: isoDateToDb(spec.welcomeCallOn),
        startedOn: isoDateToDb(spec.startedOn),
        backOutEmailAt: spec.backOutEmailAt ? new Date(spec.backOutEmailAt) : null,
        closedAt: spec.closedAt ? new Date(spec.closedAt) : null,
        closureReasonId: spec.reason ? reasonId(spec.reason[0], spec.reason[1]) : null,
        createdAt: spec.createdAt ? new Date(spec.createdAt) : undefined,
      },
    });
    if (spec.recommended) await prisma.initialAssessment.create({ data: { caseId: id, heldOn: isoDateToDb(spec.firstMetOn), outcome: "recommended" } });
    await prisma.$transaction((tx) => recomputeDueDates(tx, id, calendar));
  }
}
