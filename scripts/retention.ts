// `npm run retention -- --dry-run`: what each retention class would remove today, changing nothing.
// `npm run retention`: remove it (docs/security.md DP-02, LG-07). `--today=YYYY-MM-DD` measures from
// another date (a fake clock for rehearsals; the database still keeps audit rows at least 6 months
// from the real date). Connects as the migration owner (DATABASE_URL), like the other db scripts.
import { isIsoDate, todayInLondon } from "../lib/calendar/iso-date";
import { openDatabase } from "../lib/db/open";
import { describeTarget, resolveDatabaseTarget } from "../lib/db/target";
import { RETENTION_CLASS_LABELS, RETENTION_CLASSES } from "../lib/domain/retention";
import { runRetention } from "../lib/server/retention/run-retention";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--dry-run" && !arg.startsWith("--today="));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown[0]}. Usage: npm run retention -- [--dry-run] [--today=YYYY-MM-DD]`);
  process.exit(2);
}
const dryRun = args.includes("--dry-run");
const today = args.find((arg) => arg.startsWith("--today="))?.slice("--today=".length) ?? todayInLondon(new Date());
if (!isIsoDate(today)) {
  console.error("--today must be a real date written YYYY-MM-DD.");
  process.exit(2);
}

const target = resolveDatabaseTarget();
const db = await openDatabase(target);
try {
  const report = await runRetention(db.prisma, { dryRun, today });
  console.log(`Retention ${dryRun ? "dry run (nothing removed)" : "run"} on ${describeTarget(target)}, today ${report.today}.`);
  console.log(`Cut-offs: cases closed before ${report.cutoffs.closedCasesBefore}; audit rows before ${report.cutoffs.auditBefore}; staff notices read before ${report.cutoffs.staffNoticesBefore}.`);
  for (const key of RETENTION_CLASSES) console.log(`  ${dryRun ? "would remove" : "removed"} ${String(report.counts[key]).padStart(7)}  ${RETENTION_CLASS_LABELS[key]}`);
} catch (error) {
  console.error(`Retention failed, nothing was removed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
