import { openDatabase } from "@/lib/db/open";
import { resolveAppDatabaseTarget } from "@/lib/db/target";
import { productionProblems, type DemoCredentials } from "./production-readiness";

/**
 * Opens the database as the server will (the app role when configured), lists what makes running
 * in production unsafe, and closes it again (docs/security.md AU-05, LG-04). Used by
 * instrumentation.ts at server start and by scripts/start.ts.
 */
export async function findProductionProblems(env: NodeJS.ProcessEnv, demo: DemoCredentials): Promise<string[]> {
  let target;
  try {
    target = resolveAppDatabaseTarget(env);
  } catch (error) {
    return [(error as Error).message];
  }
  const db = await openDatabase(target);
  try {
    return await productionProblems(db.prisma, { authSecret: env.AUTH_SECRET, databaseKind: target.kind, demo });
  } finally {
    await db.close();
  }
}
