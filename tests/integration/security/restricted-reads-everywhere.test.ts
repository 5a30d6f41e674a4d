import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { User } from "@/lib/db/prisma";
import { addCaseNoteSchema } from "@/lib/domain/forms/case-work-forms";
import { authorisedAction, type ChainDependencies } from "@/lib/server/actions/authorised-action";
import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { listCaseAccessLog } from "@/lib/server/cases/list-case-access-log";
import { LISTED_RESTRICTED_READ_ACTION, listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { getFormsOverview, PAPER_FORMS_RESTRICTED_READ_ACTION } from "@/lib/server/paper-forms/get-forms-overview";
import { getUc452PrintView } from "@/lib/server/paper-forms/get-uc452-print-view";
import { getSl2View } from "@/lib/server/scr/get-sl2-view";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * M5 closed (docs/security.md LG-01, LG-03; docs/rules/restricted-cases.md: audit of restricted
 * reads): lists and search results that show an SCR case write one read row per case shown; every
 * page and route of an SCR case writes one; every refused read of one writes a security event —
 * server actions answering not-found and routes refused for a permission included.
 */
describe("restricted reads are audited everywhere (LG-01, LG-03)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const TODAY = "2026-12-03";
  const NOW = new Date("2026-12-03T12:00:00Z");
  const reads = (caseId: string, action: string) => db.prisma.auditEvent.count({ where: { caseId, action, restrictedRead: true } });
  const refusals = (entityId: string, actorId: string) => db.prisma.auditEvent.count({ where: { entityId, actorId, action: { startsWith: "security." } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  /** A UC case restricted to SCR later (DWP told the provider): it has every paper-form page. */
  const scrUcCase = async () =>
    (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "recommended", restrictionTier: "scr", assignedTo: provider.users.officer })).id;

  it("writes one read row per SCR case a nominated officer's list or search shows, in one insert, and none for other cases", async () => {
    const officer = provider.actors.officer;
    const scr = await scrUcCase();
    const ordinary = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", assignedTo: provider.users.officer })).id;
    const reference = (await db.prisma.case.findUniqueOrThrow({ where: { id: scr } })).reference;
    for (const view of ["open", "mine"] as const) await listWorkQueue(db.prisma, officer, { view, page: 1, today: TODAY, now: NOW });
    await listWorkQueue(db.prisma, officer, { view: "search", search: reference, page: 1, today: TODAY, now: NOW });
    expect(await reads(scr, LISTED_RESTRICTED_READ_ACTION)).toBe(3);
    expect(await reads(ordinary, LISTED_RESTRICTED_READ_ACTION)).toBe(0);
    // The caseworker's lists never show it, so write nothing for it.
    await listWorkQueue(db.prisma, provider.actors.caseworker, { view: "open", page: 1, today: TODAY, now: NOW });
    expect(await reads(scr, LISTED_RESTRICTED_READ_ACTION)).toBe(3);
  });

  it("writes a read row when 'My cases due this week' shows an SCR case to its nominated officer", async () => {
    const scr = await scrUcCase();
    await db.prisma.case.update({ where: { id: scr }, data: { nextDeadlineOn: new Date("2026-12-03") } });
    const due = await listMyCasesDueThisWeek(db.prisma, provider.actors.officer, TODAY, NOW);
    expect(due.rows.map((row) => row.id)).toContain(scr);
    expect(await reads(scr, LISTED_RESTRICTED_READ_ACTION)).toBe(1);
  });

  it("writes one read row per view of an SCR case's paper-form pages (forms received, SPoC chase), print and .eml", async () => {
    const officer = provider.actors.officer;
    const scr = await scrUcCase();
    await getFormsOverview(db.prisma, officer, scr, PAPER_FORMS_RESTRICTED_READ_ACTION);
    await getFormsOverview(db.prisma, officer, scr, PAPER_FORMS_RESTRICTED_READ_ACTION);
    expect(await reads(scr, PAPER_FORMS_RESTRICTED_READ_ACTION)).toBe(2);
    await getUc452PrintView(db.prisma, officer, scr);
    await buildUc452EmailFor(db.prisma, officer, scr, "part_6", "uc_service_centre", NOW);
    expect(await reads(scr, "uc452.restricted_read")).toBe(2);
  });

  it("logs every refused read of an SCR case's pages and routes as a security event keyed by its id", async () => {
    const caseworker = provider.actors.caseworker;
    const manager = provider.actors.manager;
    const scr = await scrUcCase();
    const attempts: [string, () => Promise<unknown>][] = [
      ["forms pages", () => getFormsOverview(db.prisma, caseworker, scr, PAPER_FORMS_RESTRICTED_READ_ACTION)],
      ["UC452 print", () => getUc452PrintView(db.prisma, caseworker, scr)],
      ["UC452 .eml", () => buildUc452EmailFor(db.prisma, caseworker, scr, "part_6", "uc_service_centre", NOW)],
      ["SL2 pages", () => getSl2View(db.prisma, caseworker, scr, "sl2.restricted_read")],
      ["access log", () => listCaseAccessLog(db.prisma, caseworker, scr, 1)],
    ];
    for (const [name, attempt] of attempts) {
      const before = await refusals(scr, caseworker.id);
      await expect(attempt(), name).rejects.toMatchObject({ code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) });
      expect(await refusals(scr, caseworker.id), name).toBe(before + 1);
    }
    const before = await refusals(scr, manager.id);
    await expect(listCaseAccessLog(db.prisma, manager, scr, 1)).rejects.toBeDefined();
    expect(await refusals(scr, manager.id)).toBe(before + 1);
    expect(await reads(scr, PAPER_FORMS_RESTRICTED_READ_ACTION)).toBe(0);
  });

  describe("the chain in front of every action and route", () => {
    const sessionOf = async (user: User): Promise<CurrentUser> => {
      const found = await findSessionUser(db.prisma, user.id, user.sessionVersion);
      if (!found) throw new Error("no session");
      return { ...found, ip: "203.0.113.20", userAgent: "Vitest" };
    };
    const as = (user: User): ChainDependencies => ({ currentUser: () => sessionOf(user), database: async () => db.prisma });

    it("logs a server action that answers not-found for an SCR id, keyed by the id, and changes nothing else", async () => {
      const scr = await scrUcCase();
      const action = authorisedAction(
        { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
        async (input, user, database) => {
          await addCaseNote(database, user, input);
        },
        as(provider.users.caseworker),
      );
      const data = new FormData();
      data.append("caseId", scr);
      data.append("text", "Probe");
      const state = await action(undefined, data);
      expect(state.status).toBe("error");
      expect(await db.prisma.auditEvent.count({ where: { entityId: scr, action: "security.action_not_found", actorId: provider.users.caseworker.id } })).toBe(1);
      expect(await db.prisma.caseNote.count({ where: { caseId: scr } })).toBe(0);
    });

    it("logs a route refused for want of a permission, keyed by the case id in its path", async () => {
      const scr = await scrUcCase();
      const route = authorisedRoute<{ caseId: string }>({ permissions: ["read:restricted-case:any"] }, async () => new Response("never"), as(provider.users.caseworker));
      const response = await route(new Request(`http://localhost/cases/${scr}/access-log/export`), { params: Promise.resolve({ caseId: scr }) });
      expect(response.status).toBe(404);
      expect(await db.prisma.auditEvent.count({ where: { entityId: scr, action: "security.case_route_denied", actorId: provider.users.caseworker.id } })).toBe(1);
    });
  });
});
