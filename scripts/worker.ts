// `npm run worker`: the background-job worker (docs/decisions/0022-background-jobs.md). Needs
// PostgreSQL: JOBS_DATABASE_URL (a direct connection, not PgBouncer in transaction mode) or
// DATABASE_URL. Migrates the job queue's schema, then runs until SIGTERM or SIGINT, when it stops
// taking jobs, lets the running one finish and exits (docs/security.md SO-07).
import { migrateJobQueue } from "../lib/db/migrate-database";
import { openDatabase } from "../lib/db/open";
import { resolveDatabaseTarget } from "../lib/db/target";
import { createMailer } from "../lib/server/reminders/mailer";
import { startJobWorker } from "../lib/server/jobs/start-job-worker";

const target = resolveDatabaseTarget();
const connectionString = process.env.JOBS_DATABASE_URL?.trim() || (target.kind === "postgres" ? target.url : "");
if (!connectionString) {
  console.error("The worker needs PostgreSQL: set DATABASE_URL (or JOBS_DATABASE_URL). On the embedded database, `npm start` runs the jobs itself.");
  process.exit(1);
}
await migrateJobQueue(connectionString);
const db = await openDatabase(target);
const mailer = createMailer();
const worker = await startJobWorker({ connectionString, db: db.prisma, mailer });
console.log(`Worker ${worker.workerId} started (e-mail ${mailer ? "on" : "off: SMTP_URL is not set"}).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`Worker ${worker.workerId}: ${signal}, finishing the running job…`);
    void worker
      .stop()
      .then(() => db.close())
      .then(() => process.exit(0), (error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
await worker.runner.promise;
