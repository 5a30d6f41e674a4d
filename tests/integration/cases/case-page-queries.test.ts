import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseRoute, CaseState } from "@/lib/db/prisma";
import { whatToDoNextLinks } from "@/lib/domain/lifecycle/step-pages";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getCasePage } from "@/lib/server/case-page/get-case-page";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { createCase, createProvider, type Provider, type StaffKey } from "../support/builders";
import { countingClient, type CountingClient } from "../support/count-queries";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The case page reads the case once and builds every section from that read, "What to do next"
 * included (lib/server/case-page/get-case-page.ts; docs/architecture.md "Data flow"). Counted with
 * Prisma's query events on a second client. Queries per render, with the lifecycle section loading
 * the case again on its own → with the one read: UC 29 → 23, SCR 30 → 24, SRO 29 → 23.
 */
describe("the case page reads its case once", () => {
  let db: TestDatabase;
  let counting: CountingClient;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") } as const;
  /** A read of the case row itself (the visibility read or another), not a count over cases. */
  // The first FROM names the table a query reads; with Prisma's relation joins (docs/decisions/0024-session-token-per-request.md)
  // the case's relations come in the same query.
  const readsOfTheCase = (queries: string[]) => queries.filter((sql) => !/^SELECT COUNT/i.test(sql) && / FROM ("public"\."\w+")/.exec(sql)?.[1] === '"public"."Case"');

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    counting = countingClient(db);
  });
  afterAll(async () => {
    await counting?.close();
    await db?.close();
  });

  /** [name, route, state, who looks, queries per render before the case page read its case once] */
  const cases: [string, CaseRoute, CaseState, StaffKey, number][] = [
    ["a Universal Credit case awaiting its strand referral", "prap_two_stage", "recommended", "caseworker", 29],
    ["an SCR case, for a nominated officer", "scr_clerical", "referred", "officer", 30],
    ["an SRO introduction", "sro_introduction", "introduced", "caseworker", 29],
  ];
  for (const [name, route, state, who, before] of cases) {
    it(`reads ${name} once, with fewer queries than when each section loaded it (${before})`, async () => {
      const theCase = await createCase(db.prisma, provider, { route, state, assignedTo: provider.users.caseworker });
      const actor: UseCaseActor = provider.actors[who];
      await getCasePage(counting.prisma, actor, theCase.id, clock); // the first render also warms the client

      const queries = await counting.queriesDuring(() => getCasePage(counting.prisma, actor, theCase.id, clock));

      expect(readsOfTheCase(queries)).toHaveLength(1);
      expect(queries.length).toBeLessThan(before);
    });

    it(`offers the same next steps on ${name} as the lifecycle pages' own loader`, async () => {
      const theCase = await createCase(db.prisma, provider, { route, state, assignedTo: provider.users.caseworker });
      const actor: UseCaseActor = provider.actors[who];
      const page = await getCasePage(db.prisma, actor, theCase.id, clock);
      expect(page.whatToDoNext).toEqual(whatToDoNextLinks(actor.roles, theCase.id, await getLifecycleCase(db.prisma, actor, theCase.id)));
      if (route === "prap_two_stage") expect(page.whatToDoNext?.strandReferralHref).toBe(`/cases/${theCase.id}/strand-referral`);
      if (route === "sro_introduction") expect(page.whatToDoNext).toBeNull();
    });
  }

  it("reads for the overview neither the timeline's names, nor the caseworkers to choose from, nor the session user's site again", async () => {
    const theCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "recommended", assignedTo: provider.users.caseworker });
    const actor = { ...provider.actors.caseworker, siteId: provider.users.caseworker.siteId };
    const overview = { timeline: false, caseworkers: false } as const;
    await getCasePage(counting.prisma, actor, theCase.id, clock, overview);

    const everything = await counting.queriesDuring(() => getCasePage(counting.prisma, actor, theCase.id, clock));
    const queries = await counting.queriesDuring(() => getCasePage(counting.prisma, actor, theCase.id, clock, overview));

    const readsOfUsers = queries.filter((sql) => / FROM ("public"\."\w+")/.exec(sql)?.[1] === '"public"."User"');
    expect(readsOfUsers).toEqual([]);
    expect(readsOfTheCase(queries)).toHaveLength(1);
    expect(queries.length).toBeLessThan(everything.length);
  });

  it("joins for the overview neither the notes, nor the contacts, nor the SL2 and its Initial Assessment", async () => {
    const theCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "recommended", assignedTo: provider.users.caseworker });
    const actor = { ...provider.actors.caseworker, siteId: provider.users.caseworker.siteId };
    const overview = { timeline: false, caseworkers: false, notes: false, contacts: false, sl2: false } as const;
    await getCasePage(counting.prisma, actor, theCase.id, clock, overview);

    const [read] = readsOfTheCase(await counting.queriesDuring(() => getCasePage(counting.prisma, actor, theCase.id, clock, overview)));
    const [readOfEverySection] = readsOfTheCase(await counting.queriesDuring(() => getCasePage(counting.prisma, actor, theCase.id, clock)));

    for (const table of ['"public"."CaseNote"', '"public"."Sl2Form"', '"public"."InitialAssessment"']) {
      expect(readOfEverySection).toContain(table);
      expect(read).not.toContain(table);
    }
    // The case's own contacts (the site's JCP SPoC, which an SRO introduction's SESSRO1 names, is still read).
    expect(readOfEverySection).toMatch(/"public"\."Contact" AS "t\d+" WHERE "t0"\."id" = /);
    expect(read).not.toMatch(/"public"\."Contact" AS "t\d+" WHERE "t0"\."id" = /);
  });

  it("offers no next steps to a manager, who may take none", async () => {
    const theCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    expect((await getCasePage(db.prisma, provider.actors.manager, theCase.id, clock)).whatToDoNext).toBeNull();
  });
});
