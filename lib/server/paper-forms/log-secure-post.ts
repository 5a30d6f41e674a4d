import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";

export interface SecurePostEntry {
  caseId: string;
  direction: "sent" | "received";
  document: "sessro1_copy" | "sl2_page_1" | "sl2_referral_form" | "mappa_j" | "other";
  /** How it went, in words (e.g. "Royal Mail Special Delivery (Track and Trace)"). */
  method: string;
  trackingNumber: string | null;
  counterparty: string;
  postedOn: IsoDate;
}

/**
 * One row of the secure-post log, kept for audit (13.48, 13.56–13.57, 13.59, 13.69, 3.26, 3.31,
 * 3.35), inside the caller's transaction. Returns the row's id for the caller's audit entry.
 */
export async function logSecurePost(tx: Pick<Prisma.TransactionClient, "securePostLog">, actor: UseCaseActor, entry: SecurePostEntry): Promise<string> {
  const row = await tx.securePostLog.create({
    data: { ...entry, postedOn: isoDateToDb(entry.postedOn), recordedById: actor.id },
    select: { id: true },
  });
  return row.id;
}

/** One row of the log as a page shows it (the SESSRO1 copy, the SL2 returns, the MAPPA J form). */
export interface SecurePostView {
  id: string;
  postedOn: IsoDate;
  method: string;
  trackingNumber: string | null;
  counterparty: string;
}

export function securePostViewOf(post: { id: string; postedOn: Date; method: string; trackingNumber: string | null; counterparty: string }): SecurePostView {
  return { id: post.id, postedOn: isoDateFromDb(post.postedOn), method: post.method, trackingNumber: post.trackingNumber, counterparty: post.counterparty };
}

/** A case's secure-post log, in the order things were posted (each page picks its documents). */
export const SECURE_POST_IN_ORDER = { orderBy: [{ postedOn: "asc" }, { createdAt: "asc" }] } as const satisfies Prisma.Case$securePostArgs;
