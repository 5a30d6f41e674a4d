import type { PrismaClient } from "@/lib/db/prisma";

/** The administrator's SESSRO1 Part 4 reasons (ReasonKind not_eligible), in their order (13.51, 3.29). */
export async function listNotEligibleReasons(prisma: PrismaClient): Promise<{ value: string; text: string }[]> {
  const reasons = await prisma.reason.findMany({ where: { kind: "not_eligible", active: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] });
  return reasons.map((reason) => ({ value: reason.code, text: reason.label }));
}
