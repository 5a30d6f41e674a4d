import { z } from "zod";
import { isoDateFromDb } from "@/lib/db/dates";
import { digestEmail, type DigestSection } from "@/lib/domain/reminders/digest";
import type { JobContext } from "../jobs/job-context";

const payloadSchema = z.object({ digestId: z.string().uuid() });

/**
 * The outbox job: e-mail one digest (docs/decisions/0022-background-jobs.md). SMTP down → the job
 * throws and graphile-worker retries it with backoff; the in-app digest is already there. The row
 * is locked while sending and marked sent in the same transaction, so two attempts never both
 * send. (A crash after the SMTP server accepted the message but before the commit can still send
 * it twice: SMTP offers no way to make a send idempotent.)
 */
export async function sendDigestEmail(payload: unknown, context: JobContext): Promise<void> {
  const { digestId } = payloadSchema.parse(payload);
  const mailer = context.mailer;
  if (!mailer) throw new Error("SMTP_URL is not set: the digest e-mail cannot be sent");
  await context.db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id"::text AS id FROM "ReminderDigest" WHERE "id" = ${digestId}::uuid AND "emailSentAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return; // already sent, or being sent by another attempt
      const digest = await tx.reminderDigest.findUniqueOrThrow({ where: { id: digestId } });
      const user = await tx.user.findUnique({ where: { id: digest.userId }, select: { email: true, active: true } });
      if (!user?.active) return;
      const day = isoDateFromDb(digest.day);
      const message = digestEmail({ summary: digest.summary, sections: digest.sections as unknown as DigestSection[] }, day, context.appUrl);
      await mailer.send({ to: user.email, ...message });
      await tx.reminderDigest.update({ where: { id: digestId }, data: { emailSentAt: context.now() } });
    },
    { timeout: 60_000 },
  );
}
