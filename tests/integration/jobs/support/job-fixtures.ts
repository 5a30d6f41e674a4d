import { createServer } from "node:net";
import type { IsoDate } from "@/lib/calendar";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { JobContext } from "@/lib/server/jobs/job-context";
import type { Mailer } from "@/lib/server/reminders/mailer";
import { createCase, type BuiltCase, type CaseSpec, type Provider } from "../../support/builders";

/** Thursday 3 December 2026, 09:00 in London (GMT): a working day in every nation, after 08:00. */
export const NOW = new Date("2026-12-03T09:00:00.000Z");
export const TODAY: IsoDate = "2026-12-03";

export function jobContext(db: PrismaClient, fields: Partial<JobContext> = {}): JobContext {
  return { db, now: () => NOW, mailer: null, appUrl: "https://ses.example", job: { id: "0", key: null, attempts: 1 }, ...fields };
}

/** A case whose next deadline is `dueOn` (the stored column the digest reads). */
export async function caseDueOn(prisma: PrismaClient, provider: Provider, dueOn: IsoDate, spec: CaseSpec = {}): Promise<BuiltCase> {
  const built = await createCase(prisma, provider, spec);
  await prisma.case.update({ where: { id: built.id }, data: { nextDeadlineOn: isoDateToDb(dueOn) } });
  return built;
}

export async function waitFor<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A mailer that records what it would send. */
export function recordingMailer(): Mailer & { sent: { to: string; subject: string; text: string }[] } {
  const sent: { to: string; subject: string; text: string }[] = [];
  return { sent, send: async (email) => void sent.push(email) };
}
