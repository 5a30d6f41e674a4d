import { describe, expect, it } from "vitest";
import { preparedStatementNames } from "@/lib/db/postgres-adapter";

/** docs/decisions/0038-prepared-statements.md: one name per distinct SQL text, a bounded number of them. */
describe("prepared statement names", () => {
  it("gives the same text the same name every time, and different texts different names", () => {
    const nameOf = preparedStatementNames();
    const caseRead = 'SELECT "t0"."id" FROM "public"."Case" AS "t0" WHERE "t0"."id" = $1';
    const userRead = 'SELECT "t0"."id" FROM "public"."User" AS "t0" WHERE "t0"."id" = $1';
    const first = nameOf({ sql: caseRead, args: ["a"] });
    expect(first).toMatch(/^ses_\d+$/);
    expect(nameOf({ sql: `${caseRead}`, args: ["b"] })).toBe(first);
    expect(nameOf({ sql: userRead, args: ["a"] })).not.toBe(first);
    expect(nameOf({ sql: userRead, args: ["a"] })).toBe(nameOf({ sql: userRead, args: ["a"] }));
  });

  it("runs texts past the limit unnamed, keeping the names it gave", () => {
    const nameOf = preparedStatementNames({ statements: 2 });
    const a = nameOf({ sql: "SELECT 1", args: [] });
    const b = nameOf({ sql: "SELECT 2", args: [] });
    expect(nameOf({ sql: "SELECT 3", args: [] })).toBeUndefined();
    expect(nameOf({ sql: "SELECT 3", args: [] })).toBeUndefined();
    expect([nameOf({ sql: "SELECT 1", args: [] }), nameOf({ sql: "SELECT 2", args: [] })]).toEqual([a, b]);
    expect(a).not.toBe(b);
  });

  it("runs a statement with more parameters than the limit unnamed (a long IN list is a text of its own)", () => {
    const nameOf = preparedStatementNames({ parameters: 3 });
    expect(nameOf({ sql: 'SELECT 1 WHERE "id" IN ($1,$2,$3)', args: [1, 2, 3] })).toMatch(/^ses_\d+$/);
    expect(nameOf({ sql: 'SELECT 1 WHERE "id" IN ($1,$2,$3,$4)', args: [1, 2, 3, 4] })).toBeUndefined();
  });
});
