// A worker process that is killed (SIGKILL, no clean-up at all) right after it has written its
// second digest: the crash test in tests/integration/jobs/job-worker.test.ts starts it.
import { postgresAdapter } from "@/lib/db/postgres-adapter";
import { PrismaClient } from "@/lib/db/prisma";
import { startJobWorker } from "@/lib/server/jobs/start-job-worker";

const url = process.argv[2];
const now = new Date(process.argv[3]);
const prisma = new PrismaClient({ adapter: postgresAdapter(url, 2) });
let written = 0;
const worker = await startJobWorker({
  connectionString: url,
  db: prisma,
  mailer: null,
  cron: false,
  pollIntervalMs: 200,
  now: () => now,
  onDigestWritten: () => {
    written++;
    if (written === 2) process.kill(process.pid, "SIGKILL");
  },
});
process.stdout.write(`${worker.workerId}\n`);
