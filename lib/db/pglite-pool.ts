import { EventEmitter } from "node:events";
import type { PGlite, Results, Transaction } from "@electric-sql/pglite";
import type { Pool } from "pg";

/**
 * A `pg.Pool`-shaped object over the one embedded PGlite instance, for graphile-worker
 * (docs/decisions/0025-jobs-on-the-embedded-database.md).
 *
 * PGlite is one session. Interleaving is prevented by PGlite's own transaction lock, the same one
 * the Prisma adapter (pglite-prisma-adapter) takes for every interactive transaction and every
 * single query: a client that sends BEGIN opens a PGlite `transaction()` and holds that lock until
 * its COMMIT or ROLLBACK (or release), so no other transaction — the app's or another client's —
 * and no single statement can run between its statements. Statements outside a transaction run
 * one at a time under the same lock. LISTEN/UNLISTEN are counted per channel, so one client's
 * UNLISTEN does not silence another's, and notifications reach every client listening on them.
 * Session state other than LISTEN (SET, session advisory locks, named prepared statements) is
 * not kept per client; graphile-worker 0.17 uses none (run it with `noPreparedStatements`).
 */

interface QueryConfig {
  text: string;
  values?: unknown[];
  name?: string;
}

interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  fields: { name: string; dataTypeID: number }[];
  command: string;
}

// As `pg` returns them: int8 as a string (job ids), so code written for `pg` sees the same values.
const PARSERS = { 20: (value: string) => value };

const BEGIN = /^\s*(begin|start\s+transaction)\b[\s;]*$/i;
const COMMIT = /^\s*(commit|end)\b[\s;]*$/i;
const ROLLBACK = /^\s*(rollback|abort)\b[\s;]*$/i;
const LISTEN = /^\s*(un)?listen\s+("[^"]+"|[a-z_][a-z0-9_$]*)\s*$/i;

type Runner = Pick<PGlite, "query" | "exec"> | Transaction;

function toResult(result: Results<Record<string, unknown>> | undefined): PgResult {
  return {
    rows: result?.rows ?? [],
    rowCount: result?.affectedRows ?? result?.rows.length ?? 0,
    fields: (result?.fields ?? []).map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    command: "",
  };
}

async function runOn(runner: Runner, text: string, values: unknown[] | undefined): Promise<PgResult> {
  if (values && values.length > 0) return toResult(await runner.query<Record<string, unknown>>(text, values, { parsers: PARSERS }));
  // No parameters: the simple protocol, which also takes several statements (graphile-worker's migrations).
  const results = await runner.exec(text, { parsers: PARSERS });
  return toResult(results.at(-1) as Results<Record<string, unknown>> | undefined);
}

function normaliseQuery(query: string | QueryConfig, values?: unknown[]): { text: string; values?: unknown[] } {
  if (typeof query === "string") return { text: query, values };
  return { text: query.text, values: query.values ?? values };
}

function channelName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1) : token.toLowerCase();
}

class PgliteSessionRegistry {
  private readonly counts = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;
  private readonly clients = new Set<PglitePoolClient>();

  constructor(private readonly pglite: PGlite) {}

  async listen(client: PglitePoolClient, channel: string): Promise<void> {
    if (client.channels.has(channel)) return;
    client.channels.add(channel);
    this.clients.add(client);
    this.unsubscribe ??= this.pglite.onNotification((name, payload) => {
      for (const each of this.clients) if (each.channels.has(name)) each.emit("notification", { channel: name, payload, processId: 0 });
    });
    const count = this.counts.get(channel) ?? 0;
    this.counts.set(channel, count + 1);
    if (count === 0) await this.pglite.exec(`LISTEN "${channel.replaceAll('"', '""')}"`);
  }

  async unlisten(client: PglitePoolClient, channel: string): Promise<void> {
    if (!client.channels.delete(channel)) return;
    if (client.channels.size === 0) this.clients.delete(client);
    const count = (this.counts.get(channel) ?? 1) - 1;
    if (count > 0) {
      this.counts.set(channel, count);
      return;
    }
    this.counts.delete(channel);
    await this.pglite.exec(`UNLISTEN "${channel.replaceAll('"', '""')}"`);
  }
}

class PglitePoolClient extends EventEmitter {
  readonly channels = new Set<string>();
  private transaction: { tx: Transaction; finish: () => void; done: Promise<unknown> } | undefined;
  private released = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly sessions: PgliteSessionRegistry,
  ) {
    super();
  }

  query(query: string | QueryConfig, valuesOrCallback?: unknown[] | ((error: Error | null, result?: PgResult) => void), callback?: (error: Error | null, result?: PgResult) => void): Promise<PgResult> | void {
    const values = Array.isArray(valuesOrCallback) ? valuesOrCallback : undefined;
    const done = typeof valuesOrCallback === "function" ? valuesOrCallback : callback;
    const promise = this.run(normaliseQuery(query, values));
    if (!done) return promise;
    promise.then((result) => done(null, result), (error: Error) => done(error));
  }

  private async run({ text, values }: { text: string; values?: unknown[] }): Promise<PgResult> {
    if (this.released) throw new Error("The client was released to the pool");
    const empty = toResult(undefined);
    if (!values?.length) {
      if (BEGIN.test(text)) {
        if (this.transaction) throw new Error("There is already a transaction in progress on this client");
        await this.begin();
        return { ...empty, command: "BEGIN" };
      }
      if (COMMIT.test(text)) return this.end("commit");
      if (ROLLBACK.test(text)) return this.end("rollback");
      const statements = text.split(";").map((part) => part.trim()).filter(Boolean);
      const listens = statements.map((statement) => LISTEN.exec(statement));
      if (statements.length > 0 && listens.every(Boolean)) {
        for (const match of listens) {
          const channel = channelName(match![2]);
          if (match![1]) await this.sessions.unlisten(this, channel);
          else await this.sessions.listen(this, channel);
        }
        return empty;
      }
    }
    // In a transaction, on it (a failed statement leaves it aborted until ROLLBACK, as in PostgreSQL).
    return runOn(this.transaction?.tx ?? this.pglite, text, values);
  }

  /** Takes PGlite's transaction lock: nothing else runs on the database until this client ends it. */
  private begin(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let finish!: () => void;
      const finished = new Promise<void>((release) => (finish = release));
      let opened = false;
      const done = this.pglite
        .transaction(async (tx) => {
          opened = true;
          this.transaction = { tx, finish, done };
          resolve();
          await finished;
        })
        .catch((error: unknown) => {
          if (!opened) reject(error as Error);
          else throw error;
        });
    });
  }

  private async end(how: "commit" | "rollback"): Promise<PgResult> {
    const current = this.transaction;
    const empty = toResult(undefined);
    if (!current) return { ...empty, command: how.toUpperCase() };
    this.transaction = undefined;
    if (how === "rollback" && !current.tx.closed) await current.tx.rollback();
    current.finish();
    // A COMMIT of a failed transaction rolls back and rejects here, as PostgreSQL's COMMIT reports it.
    await current.done;
    return { ...empty, command: how.toUpperCase() };
  }

  async release(): Promise<void> {
    if (this.released) return;
    // A client returned mid-transaction must not keep the lock: roll it back (what pg's pool does on release(error)).
    if (this.transaction) await this.end("rollback").catch(() => undefined);
    for (const channel of [...this.channels]) await this.sessions.unlisten(this, channel).catch(() => undefined);
    this.released = true;
  }
}

export class PglitePool extends EventEmitter {
  private readonly sessions: PgliteSessionRegistry;

  constructor(private readonly pglite: PGlite) {
    super();
    this.sessions = new PgliteSessionRegistry(pglite);
  }

  connect(): Promise<PglitePoolClient>;
  connect(callback: (error: Error | undefined, client: PglitePoolClient | undefined, release: () => void) => void): void;
  connect(callback?: (error: Error | undefined, client: PglitePoolClient | undefined, release: () => void) => void): Promise<PglitePoolClient> | void {
    const client = new PglitePoolClient(this.pglite, this.sessions);
    this.emit("connect", client);
    if (!callback) return Promise.resolve(client);
    queueMicrotask(() => callback(undefined, client, () => void client.release()));
  }

  query(query: string | QueryConfig, values?: unknown[]): Promise<PgResult> {
    const { text, values: params } = normaliseQuery(query, values);
    return runOn(this.pglite, text, params);
  }

  /** The PGlite instance is the app's; closing it is the owner's job. */
  async end(): Promise<void> {}

  get totalCount(): number {
    return 0;
  }
}

/** The pool typed as graphile-worker's `pgPool` option expects. */
export function pglitePool(pglite: PGlite): Pool {
  const pool = new PglitePool(pglite);
  // No socket, so no connection errors to handle; listeners stop graphile-worker warning that there are none.
  pool.on("error", () => undefined);
  pool.on("connect", () => undefined);
  return pool as unknown as Pool;
}
