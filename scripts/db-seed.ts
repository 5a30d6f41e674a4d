// `npm run db:seed`: reference data always (bank holidays, reason lists, settings); demo data
// (organisation, users, cases) unless SES_MODE=production. Safe to run twice.
import { todayInLondon } from "../lib/calendar/iso-date";
import { migrateDatabase } from "../lib/db/migrate-database";
import { openDatabase } from "../lib/db/open";
import { seedDemo, seedReferenceData } from "../lib/seed/seed-demo";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/target";
import { isProductionMode } from "./runtime-env";
import { printDemoSignIns } from "./print-demo-sign-ins";

const target = resolveDatabaseTarget();
await migrateDatabase(target);
const db = await openDatabase(target);
try {
  if (isProductionMode()) {
    await seedReferenceData(db.prisma);
    console.log(`Reference data loaded into ${describeTarget(target)} (no demo data in production mode).`);
  } else {
    const summary = await seedDemo(db.prisma, { today: process.env.SEED_TODAY ?? todayInLondon(new Date()) });
    console.log(summary.alreadySeeded ? `Demo data was already loaded in ${describeTarget(target)}.` : `Demo data loaded into ${describeTarget(target)}.`);
    printDemoSignIns();
  }
} finally {
  await db.close();
}
