// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { migrateDatabase } from "../lib/db/migrate-database";
import { openDatabase } from "../lib/db/open";
import { recomputeDueDatesAfterMigrations } from "../lib/server/cases/recompute-after-migrations";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/target";

const target = resolveDatabaseTarget();
try {
  const result = await migrateDatabase(target);
  console.log(`Migrations on ${describeTarget(target)}: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied.`);
  for (const name of result.applied) console.log(`  applied ${name}`);
  const db = await openDatabase(target);
  try {
    const recomputed = await recomputeDueDatesAfterMigrations(db.prisma, result.applied);
    if (recomputed > 0) console.log(`Due dates recomputed for ${recomputed} case(s).`);
  } finally {
    await db.close();
  }
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
