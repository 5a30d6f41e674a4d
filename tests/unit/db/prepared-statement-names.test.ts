import { describe, expect, it } from "vitest";
import { preparedStatementNames } from "@/lib/db/postgres-adapter";

/** docs/decisions/0038-prepared-statements.md: one name per distinct SQL text, a bounded number of them. */
describe("prepared statement names", () => {
  it("gives the same text the same name every time, and different texts different names", () => {
    const nameOf = preparedStatementNames();
    const caseRead = 'SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE "t0"."id" = $1';
    const userRead = 'SELECT "t0"."id" FROM "public"."User" AS "t0" WHERE "t0"."id" = $1';
    const first = nameOf({ sql: caseRead });
    expect(first).toMatch(/^ses_\d+$/);
    expect(nameOf({ sql: `${caseRead}` })).toBe(first);
    expect(nameOf({ sql: userRead })).not.toBe(first);
    expect(nameOf({ sql: userRead })).toBe(nameOf({ sql: userRead }));
  });

  it("runs texts past the limit unnamed, keeping the names it gave", () => {
    const nameOf = preparedStatementNames(2);
    const a = nameOf({ sql: "SELECT 1" });
    const b = nameOf({ sql: "SELECT 2" });
    expect(nameOf({ sql: "SELECT 3" })).toBeUndefined();
    expect(nameOf({ sql: "SELECT 3" })).toBeUndefined();
    expect([nameOf({ sql: "SELECT 1" }), nameOf({ sql: "SELECT 2" })]).toEqual([a, b]);
    expect(a).not.toBe(b);
  });
});
