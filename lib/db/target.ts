import path from "node:path";

/**
 * Where the data lives. PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite
 * database in a local folder (docs/decisions/0001-embedded-pglite.md). Same schema, same SQL.
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string /* a folder, or "memory://" */ };

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgresql:// URL; unset it to use the embedded database.");
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

/**
 * Where the running server connects: DATABASE_APP_URL, the least-privilege role, when it is set
 * beside DATABASE_URL (the owner, used for migrations and seeds); otherwise the same target as
 * the migrations (docs/security.md LG-04, SO-03; lib/db/app-role.ts).
 */
export function resolveAppDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const target = resolveDatabaseTarget(env);
  const appUrl = env.DATABASE_APP_URL?.trim();
  if (target.kind === "postgres" && appUrl) {
    if (!/^postgres(ql)?:\/\//.test(appUrl)) throw new Error("DATABASE_APP_URL must be a postgresql:// URL.");
    return { kind: "postgres", url: appUrl };
  }
  return target;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${target.dataDir}`;
  const safe = new URL(target.url);
  safe.password = safe.password ? "****" : "";
  return `PostgreSQL at ${safe.toString()}`;
}
