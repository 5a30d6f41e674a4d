import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import { can } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { recordSecurityEvent } from "../audit/record-security-event";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "../cases/find-visible-case";
import { securePostViewOf, type SecurePostView } from "../paper-forms/log-secure-post";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * The nominated-officer-only annex of a MAPPA case (13.59, 13.68–13.72, 3.34–3.38): restrictions
 * phoned through by the JCP nominated officer, the MAPPA J form received by secure post, contact
 * details given later, and letters JCP's nominated officer sent instead of the provider. The open
 * case record holds only day-to-day information (13.71); everything here is for nominated officers
 * alone (docs/rules/restricted-cases.md). Every read writes a restricted-read audit row
 * (docs/security.md LG-01); every write is audited in its transaction (write-mappa-annex.ts).
 */

export const MAPPA_ANNEX_READ_ACTION = "mappa_annex.read";

export interface MappaAnnexView {
  caseId: string;
  reference: string;
  claimantName: string;
  restrictionTier: "none" | "mappa" | "scr";
  /** 0 when nothing has been recorded yet. */
  annexVersion: number;
  restrictions: string | null;
  restrictionsPhonedOn: IsoDate | null;
  restrictionsPhonedBy: string | null;
  mappaJReceivedOn: IsoDate | null;
  contactTelephone: string | null;
  contactAlternativeTelephone: string | null;
  contactEmail: string | null;
  contactAddress: string | null;
  contactGivenOn: IsoDate | null;
  letters: { id: string; sentOn: IsoDate; description: string }[];
  securePost: SecurePostView[];
}

/**
 * Read the annex (nominated officers only), writing one restricted-read audit row per read
 * (LG-01). The case must be one this officer may see (findVisibleCase) and a MAPPA case, or one
 * whose annex outlived its marking; otherwise "not found", exactly as for an id that never existed
 * (AC-01).
 */
export async function getMappaAnnex(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<MappaAnnexView> {
  if (!can(actor.roles, "read:restricted-case:any")) {
    // A refused request for the annex is a security event, listed in the case's access log (LG-03).
    await recordSecurityEvent(prisma, actor, { action: "mappa_annex_denied", entityType: "MappaAnnex", entityId: caseId.slice(0, 100) });
  }
  assertCan(actor, "read:restricted-case:any");
  const row = await findVisibleCase(prisma, actor, caseId, {
    select: {
      reference: true,
      claimant: { select: { title: true, forename: true, surname: true } },
      mappaAnnex: true,
      mappaLetters: { orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] },
      securePost: { where: { document: "mappa_j", direction: "received" }, orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }] },
    },
  });
  const annex = row.mappaAnnex;
  if (row.restrictionTier !== "mappa" && !annex) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  await recordAudit(prisma, actor, {
    action: MAPPA_ANNEX_READ_ACTION,
    entityType: "MappaAnnex",
    entityId: annex?.id ?? null,
    caseId: row.id,
    restrictedRead: true,
  });
  return {
    caseId: row.id,
    reference: row.reference,
    claimantName: claimantDisplayName(row.claimant),
    restrictionTier: row.restrictionTier,
    annexVersion: annex?.version ?? 0,
    restrictions: annex?.restrictions ?? null,
    restrictionsPhonedOn: isoDateFromDb(annex?.restrictionsPhonedOn ?? null),
    restrictionsPhonedBy: annex?.restrictionsPhonedBy ?? null,
    mappaJReceivedOn: isoDateFromDb(annex?.mappaJReceivedOn ?? null),
    contactTelephone: annex?.contactTelephone ?? null,
    contactAlternativeTelephone: annex?.contactAlternativeTelephone ?? null,
    contactEmail: annex?.contactEmail ?? null,
    contactAddress: annex?.contactAddress ?? null,
    contactGivenOn: isoDateFromDb(annex?.contactGivenOn ?? null),
    letters: row.mappaLetters.map((letter) => ({ id: letter.id, sentOn: isoDateFromDb(letter.sentOn), description: letter.description })),
    securePost: row.securePost.map(securePostViewOf),
  };
}
