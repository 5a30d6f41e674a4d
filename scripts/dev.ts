// `npm run dev`: like `npm start` (migrations, demo data) but with `next dev` for development.
import { spawn } from "node:child_process";
import { todayInLondon } from "../lib/calendar/iso-date";
import { migrateDatabase } from "../lib/db/migrate-database";
import { openDatabase } from "../lib/db/open";
import { recomputeDueDatesAfterMigrations } from "../lib/server/cases/recompute-after-migrations";
import { seedDemo } from "../lib/seed/seed-demo";
import { resolveDatabaseTarget } from "../lib/db/target";
import { printDemoSignIns } from "./print-demo-sign-ins";
import { ensureAuthSecret } from "./runtime-env";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET = ensureAuthSecret(env);
// The demo seed seals the demo accounts' TOTP secret with it (lib/seed/seed-demo.ts).
process.env.AUTH_SECRET = env.AUTH_SECRET;
const target = resolveDatabaseTarget(env);
const migrated = await migrateDatabase(target);
const db = await openDatabase(target);
await recomputeDueDatesAfterMigrations(db.prisma, migrated.applied);
await seedDemo(db.prisma, { today: todayInLondon(new Date()) });
await db.close();
printDemoSignIns();
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", env.PORT ?? "3000"], { stdio: "inherit", env });
server.on("exit", (code) => process.exit(code ?? 0));
