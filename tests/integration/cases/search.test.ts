import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { createCase, createProvider, type BuiltCase, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

describe("case search: name, NINO, purchase order number, reference — through the visibility rule", () => {
  let db: TestDatabase;
  let provider: Provider;
  let target: BuiltCase;
  let scr: BuiltCase;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };

  const search = async (who: UseCaseActor, term: string) =>
    (await listWorkQueue(db.prisma, who, { view: "search", page: 1, search: term, ...clock })).rows.map((row) => row.id);

  // Read-only: built once, searched by every test.
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    target = await createCase(db.prisma, provider, { state: "recommended", claimant: { forename: "Tomasz", surname: "Nowicki" } });
    await createCase(db.prisma, provider, { claimant: { forename: "Tomasz", surname: "Kowalski" } });
    await createCase(db.prisma, provider, { claimant: { forename: "Anna", surname: "Nowicka" } });
    scr = await createCase(db.prisma, provider, { route: "scr_clerical", claimant: { surname: "Harker" } });
  });
  afterAll(() => db.close());

  it("finds by NINO in any case and spacing, by purchase order number, and by reference", async () => {
    const { caseworker } = provider.actors;
    const nino = target.claimant.nino!;
    const spaced = `${nino.slice(0, 2)} ${nino.slice(2, 4)} ${nino.slice(4, 6)} ${nino.slice(6, 8)} ${nino.slice(8)}`.toLowerCase();
    expect(await search(caseworker, spaced)).toEqual([target.id]);
    expect(await search(caseworker, target.prapReferrals[0].purchaseOrderNumber)).toEqual([target.id]);
    // "SES-000001" searched as "ses-1": the leading zeros are optional.
    expect(await search(caseworker, target.reference.replace(/^SES-0*/, "ses-"))).toEqual([target.id]);
  });

  it("finds by part of a name, any case, all words must match", async () => {
    const { caseworker } = provider.actors;
    expect(await search(caseworker, "nowick")).toContain(target.id);
    expect(await search(caseworker, "tomasz nowicki")).toEqual([target.id]);
    expect(await search(caseworker, "tomasz zzzz")).toEqual([]);
  });

  it("matches % and _ in a name search as themselves, never as any text", async () => {
    const { caseworker } = provider.actors;
    // As SQL patterns, "now_cki" would find Nowicki and "n%a" both Annas' cases.
    expect(await search(caseworker, "now_cki")).toEqual([]);
    expect(await search(caseworker, "n%a")).toEqual([]);
    expect(await search(caseworker, "%%")).toEqual([]);
  });

  it("never returns an SCR case to a caseworker, but does to a nominated officer (AC-02)", async () => {
    expect(await search(provider.actors.caseworker, "Harker")).toEqual([]);
    expect(await search(provider.actors.officer, "Harker")).toEqual([scr.id]);
  });
});
