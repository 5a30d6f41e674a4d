import type { Prisma } from "@/lib/db/prisma";
import type { Actor } from "./record-audit";
import { recordSecurityEvent } from "./record-security-event";

const CASE_PATH = /^\/cases\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * A page or route refused for want of a permission is a security event (docs/security.md LG-03).
 * Under /cases/<id>/… it is keyed by the case id, so it is listed in that case's access log as
 * every other refused request for the id is; anything else by its path. The path has no query
 * string (a search term never reaches the log).
 */
export async function recordRefusedRequest(db: Pick<Prisma.TransactionClient, "auditEvent">, actor: Actor, path: string, kind: "page" | "route"): Promise<void> {
  const bare = path.split("?")[0];
  const caseId = CASE_PATH.exec(bare)?.[1];
  await recordSecurityEvent(
    db,
    actor,
    caseId
      ? { action: `case_${kind}_denied`, entityType: "Case", entityId: caseId.toLowerCase(), reason: bare.slice(0, 300) }
      : { action: `${kind}_denied`, entityType: kind === "page" ? "Page" : "Route", entityId: bare.slice(0, 100) },
  );
}

/** The case id a server action was posted for, if it names one (for the refusal's security event). */
export function postedCaseId(raw: Record<string, unknown>): string | null {
  const id = raw.caseId;
  return typeof id === "string" ? id.slice(0, 100) : null;
}
