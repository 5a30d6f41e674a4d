import type { Prisma } from "@/lib/db/prisma";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/**
 * A refused stale edit names who changed the case and when (the case's latest change in its audit
 * trail), so the user knows what to check before applying their changes again.
 */
export async function staleCaseMessage(tx: Prisma.TransactionClient, caseId: string): Promise<string> {
  const latest = await tx.auditEvent.findFirst({
    where: { caseId, restrictedRead: false, actorId: { not: null }, NOT: { action: { startsWith: "security." } } },
    orderBy: { at: "desc" },
    select: { at: true, actorId: true },
  });
  const name = latest?.actorId ? ((await tx.user.findUnique({ where: { id: latest.actorId }, select: { name: true } }))?.name ?? "Someone") : "Someone";
  const at = latest ? ` at ${when.format(latest.at)}` : "";
  return `${name} changed this case${at}, after you opened this page. Nothing has been saved. Your changes are still in the form: check them against the case, then save again.`;
}
