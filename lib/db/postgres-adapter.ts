import { PrismaPg } from "@prisma/adapter-pg";

/**
 * How many distinct statements one process prepares. Prisma's SQL carries its values as
 * parameters, so the distinct texts are the app's query shapes (and each length of an `IN` list,
 * below); a statement past the limit runs unnamed, as every statement did before, so neither this
 * process nor a database connection keeps an unbounded number of them.
 */
export const PREPARED_STATEMENT_LIMIT = 1_000;

/**
 * A statement with more parameters than this runs unnamed. Prisma writes `IN ($1,$2,…)` with one
 * parameter a value, so every length of a list is a text of its own: a bulk write or a look-up of
 * thousands of values is a one-off text whose execution, not its planning, is the cost.
 */
export const PREPARED_PARAMETER_LIMIT = 100;

/**
 * A name for each distinct SQL text, the same name every time: node-postgres prepares a named
 * statement once per connection and afterwards sends only its parameters, and PostgreSQL keeps
 * the statement's plan for the connection instead of parsing and planning the text again on every
 * execution. Prisma's relation joins make long statements that are dear to plan — the case page's
 * one read of its case is ~11,700 characters, ~6 ms of the database's CPU to plan each time and
 * ~0.2 ms to execute prepared (docs/decisions/0038-prepared-statements.md).
 */
export function preparedStatementNames(
  limits: { statements?: number; parameters?: number } = {},
): (query: { sql: string; args: readonly unknown[] }) => string | undefined {
  const statementLimit = limits.statements ?? PREPARED_STATEMENT_LIMIT;
  const parameterLimit = limits.parameters ?? PREPARED_PARAMETER_LIMIT;
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    if (args.length > parameterLimit) return undefined;
    let name = names.get(sql);
    if (name === undefined && names.size < statementLimit) {
      name = `ses_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * A connection is closed once it is this old (when next idle) and a new one opened: the database
 * keeps a prepared statement's plan for as long as its connection lasts (measured: ~33 and ~66 KB
 * for two small statements, ~1.3 MB for the case page's read), so a connection holds only what it
 * ran in its last half hour. An idle connection closes after 10 s anyway (node-postgres's default).
 */
const CONNECTION_LIFETIME_SECONDS = 30 * 60;

/**
 * The Prisma driver adapter for PostgreSQL, as the app, its jobs and the tests open it: a pool of
 * `max` connections whose statements are prepared (above), unless `prepare` is false — for a
 * PgBouncer in transaction mode older than 1.21, or without `max_prepared_statements`
 * (DATABASE_PREPARED_STATEMENTS=off, deploy/README.md).
 */
export function postgresAdapter(connectionString: string, max: number, options: { prepare?: boolean } = {}): PrismaPg {
  const pool = { connectionString, max, maxLifetimeSeconds: CONNECTION_LIFETIME_SECONDS };
  if (options.prepare === false) return new PrismaPg(pool);
  return new PrismaPg(
    pool,
    // The adapter passes the name straight to node-postgres's `name`, where undefined means an
    // unnamed statement (@prisma/adapter-pg performIO); its type says string only.
    { statementNameGenerator: preparedStatementNames() as (query: { sql: string; args: readonly unknown[] }) => string },
  );
}
