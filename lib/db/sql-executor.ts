import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The few raw-SQL operations the migration runner and test helpers need, over either driver.
 * Statements here are fixed SQL from migration files or parameterised queries — never user input
 * concatenated into SQL (docs/security.md IV-03).
 */
export interface SqlExecutor {
  /** Run one or more statements (simple protocol; no parameters). */
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Run fn inside BEGIN … COMMIT; any error rolls the whole unit back. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  const wrap = (q: Pick<PGlite, "exec" | "query">): SqlExecutor => ({
    async exec(sql) {
      await q.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await q.query<Row>(sql, params);
      return result.rows;
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  });
  return wrap(db);
}

export function pgClientExecutor(client: pg.ClientBase): SqlExecutor {
  let depth = 0;
  const self: SqlExecutor = {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async transaction(fn) {
      if (depth > 0) return fn(self);
      depth++;
      await client.query("BEGIN");
      try {
        const value = await fn(self);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        depth--;
      }
    },
  };
  return self;
}
