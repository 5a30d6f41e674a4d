import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase, type EmptyDatabase } from "@/tests/integration/support/test-database";

/**
 * prisma/migrations/20261203100000_rulesets_by_date_and_two_chase_clocks (docs/rules/rulesets.md,
 * docs/decisions/0009-rulesets-by-referral-date.md): existing non-UC two-stage cases move to the
 * single process, each with an audit row; the value leaves the enum; the merged chase column
 * becomes the 13.14 forms chase and the 13.67 duplicate column is added.
 */
const MIGRATION = "20261203100000_rulesets_by_date_and_two_chase_clocks";
const ORG = "00000000-0000-4000-8000-000000000001";
const SITE = "00000000-0000-4000-8000-000000000002";
const CLAIMANT = "00000000-0000-4000-8000-000000000003";
const NON_UC = "00000000-0000-4000-8000-000000000010";
const UC = "00000000-0000-4000-8000-000000000011";

describe(`migration ${MIGRATION}`, () => {
  let db: EmptyDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("moves ses_2016_non_uc cases to the single process with an audit row, and drops the value", async () => {
    db = await createEmptyDatabase();
    const migrations = await readMigrations();
    const index = migrations.findIndex((m) => m.name === MIGRATION);
    expect(index).toBeGreaterThan(0);
    await applyMigrations(db.sql, migrations.slice(0, index));
    await db.sql.query(`INSERT INTO "Organisation" ("id", "name", "updatedAt") VALUES ($1, 'Provider', now())`, [ORG]);
    await db.sql.query(`INSERT INTO "Site" ("id", "organisationId", "name", "nation", "updatedAt") VALUES ($1, $2, 'Leeds', 'england_and_wales', now())`, [SITE, ORG]);
    await db.sql.query(`INSERT INTO "Claimant" ("id", "forename", "surname", "updatedAt") VALUES ($1, 'Ailsa', 'Lindsay', now())`, [CLAIMANT]);
    const insertCase = `INSERT INTO "Case" ("id", "reference", "organisationId", "siteId", "claimantId", "route", "ruleset", "state", "ucpr1ChaseDueOn", "updatedAt")
      VALUES ($1, $2, $3, $4, $5, $6::"CaseRoute", $7::"Ruleset", 'acknowledged', '2016-10-07', now())`;
    await db.sql.query(insertCase, [NON_UC, "SES-000001", ORG, SITE, CLAIMANT, "prap_two_stage", "ses_2016_non_uc"]);
    await db.sql.query(insertCase, [UC, "SES-000002", ORG, SITE, CLAIMANT, "prap_two_stage", "ses_2016_uc"]);

    const result = await applyMigrations(db.sql, migrations);
    expect(result.applied).toContain(MIGRATION);

    const rows = await db.sql.query<{ id: string; route: string; ruleset: string; version: number; formsChaseDueOn: unknown; ucpr1DuplicateDueOn: unknown }>(
      `SELECT "id", "route"::text AS "route", "ruleset"::text AS "ruleset", "version", "formsChaseDueOn", "ucpr1DuplicateDueOn" FROM "Case" ORDER BY "reference"`,
    );
    expect(rows.map(({ route, ruleset, version }) => ({ route, ruleset, version }))).toEqual([
      { route: "prap_single", ruleset: "ses_2017", version: 2 },
      { route: "prap_two_stage", ruleset: "ses_2016_uc", version: 1 },
    ]);
    // The merged column is kept as the 13.14 forms chase until the recompute after migrating refills both.
    expect(rows[1].formsChaseDueOn).not.toBeNull();
    expect(rows[1].ucpr1DuplicateDueOn).toBeNull();

    const audit = await db.sql.query<{ caseId: string; before: unknown; after: unknown; reason: string }>(
      `SELECT "caseId"::text AS "caseId", "before", "after", "reason" FROM "AuditEvent" WHERE "action" = 'case.ruleset_migrated'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      caseId: NON_UC,
      before: { ruleset: "ses_2016_non_uc", route: "prap_two_stage" },
      after: { ruleset: "ses_2017", route: "prap_single" },
    });
    expect(audit[0].reason).toContain("docs/decisions/0009-rulesets-by-referral-date.md");

    const values = await db.sql.query<{ value: string }>(`SELECT unnest(enum_range(NULL::"Ruleset"))::text AS "value"`);
    expect(values.map((row) => row.value)).toEqual(["ses_2016_uc", "ses_2017"]);
  });
});
