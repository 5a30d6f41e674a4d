import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueRowView } from "@/app/(signed-in)/cases/queue-row-view";
import { WorkQueueTable } from "@/app/(signed-in)/cases/WorkQueueTable";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { listQueueFilterOptions } from "@/lib/server/cases/list-queue-filter-options";
import { listWorkQueue, WORK_QUEUE_PAGE_SIZE, type WorkQueuePage } from "@/lib/server/cases/list-work-queue";
import { createCase, createProvider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") } as const;
const MANY = 50_000;

/** The queue's table as the page draws it from these rows (app/(signed-in)/cases/page.tsx): the body's rows. */
function renderedRows(page: WorkQueuePage): number {
  const html = renderToStaticMarkup(
    createElement(WorkQueueTable, {
      caption: `All open: ${page.total} cases`,
      selectable: true,
      sortLinks: { nextDeadline: { href: "/cases?sort=next-deadline", direction: "ascending" }, startDeadline: { href: "/cases?sort=start-deadline", direction: "none" } },
      rows: page.rows.map(queueRowView),
    }),
  );
  const body = html.slice(html.indexOf("<tbody"));
  return body.match(/<tr class="govuk-table__row">/g)?.length ?? 0;
}

/**
 * The work queue at the sizes an organisation meets: none open (a new provider), one, and 50,000
 * (docs/decisions/0033-work-queue-at-scale.md). Each reads its page and count, its filters'
 * options, and draws its table without error; the pages stay 25 rows however many cases there are.
 * Each size is its own organisation, so the visibility rule keeps them apart (AC-01).
 */
describe("the work queue with 0, 1 and 50,000 open cases", () => {
  let db: TestDatabase;
  const actors: Record<"none" | "one" | "many", UseCaseActor> = {} as never;

  beforeAll(async () => {
    db = await createTestDatabase();
    actors.none = (await createProvider(db.prisma)).actors.caseworker;
    const one = await createProvider(db.prisma);
    actors.one = one.actors.caseworker;
    await createCase(db.prisma, one, { state: "referred", assignedTo: one.users.caseworker });
    const many = await createProvider(db.prisma);
    actors.many = many.actors.caseworker;
    const source = await createCase(db.prisma, many, { state: "referred", assignedTo: many.users.caseworker });
    // 49,999 copies of one open case, new ids and references, in one statement (built from the
    // table's own columns, so a column added later is copied too; the generated one is left out).
    await db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE bulk_source ON COMMIT DROP AS SELECT * FROM "Case" WHERE id = ${source.id}::uuid`;
        await tx.$executeRaw`DO $$
          DECLARE columns text;
          BEGIN
            SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO columns
              FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = 'Case' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'reference');
            EXECUTE format('INSERT INTO "Case" (id, reference, %1$s) SELECT gen_random_uuid(), ''BULK-'' || lpad(g::text, 6, ''0''), %1$s FROM bulk_source, generate_series(1, 49999) g', columns);
          END $$`;
      },
      { timeout: 120_000 },
    );
    await db.prisma.$executeRaw`ANALYZE "Case"`;
  });
  afterAll(() => db.close());

  it("with none: no rows and one page, and the filters still offer their options", async () => {
    for (const view of ["open", "mine", "unassigned", "closed"] as const) {
      const page = await listWorkQueue(db.prisma, actors.none, { view, page: 1, ...clock });
      expect(page).toMatchObject({ total: 0, page: 1, totalPages: 1, rows: [] });
    }
    // A stale link to a later page of an empty list is still the (empty) first page.
    expect(await listWorkQueue(db.prisma, actors.none, { view: "open", page: 7, ...clock })).toMatchObject({ total: 0, page: 1, rows: [] });
    const options = await listQueueFilterOptions(db.prisma, actors.none);
    expect(options.sites.length).toBeGreaterThan(0);
  });

  it("with one: one row on one page, in every view that holds it, drawn as one table row", async () => {
    for (const view of ["open", "mine"] as const) {
      const page = await listWorkQueue(db.prisma, actors.one, { view, page: 1, ...clock });
      expect(page).toMatchObject({ total: 1, page: 1, totalPages: 1 });
      expect(page.rows).toHaveLength(1);
      expect(renderedRows(page)).toBe(1);
    }
    expect((await listWorkQueue(db.prisma, actors.one, { view: "unassigned", page: 1, ...clock })).total).toBe(0);
  });

  it(`with ${MANY.toLocaleString("en-GB")}: a page of ${WORK_QUEUE_PAGE_SIZE} at the start, the end and past it, in both orders`, async () => {
    const pages = MANY / WORK_QUEUE_PAGE_SIZE;
    for (const sort of ["next-deadline", "start-deadline"] as const) {
      const first = await listWorkQueue(db.prisma, actors.many, { view: "open", sort, page: 1, ...clock });
      expect(first).toMatchObject({ total: MANY, page: 1, totalPages: pages });
      expect(first.rows).toHaveLength(WORK_QUEUE_PAGE_SIZE);
      expect(renderedRows(first)).toBe(WORK_QUEUE_PAGE_SIZE);
      const last = await listWorkQueue(db.prisma, actors.many, { view: "open", sort, page: pages, ...clock });
      expect(last.rows).toHaveLength(WORK_QUEUE_PAGE_SIZE);
      expect(new Set([...first.rows, ...last.rows].map((row) => row.id)).size).toBe(2 * WORK_QUEUE_PAGE_SIZE);
      const beyond = await listWorkQueue(db.prisma, actors.many, { view: "open", sort, page: pages + 10, ...clock });
      expect(beyond.page).toBe(pages);
      expect(beyond.rows.map((row) => row.id)).toEqual(last.rows.map((row) => row.id));
    }
    // Fifty a page, as the page-size choice offers.
    const fifty = await listWorkQueue(db.prisma, actors.many, { view: "mine", page: 1, pageSize: 50, ...clock });
    expect(fifty).toMatchObject({ total: MANY, totalPages: MANY / 50 });
    expect(renderedRows(fifty)).toBe(50);
  });
});
