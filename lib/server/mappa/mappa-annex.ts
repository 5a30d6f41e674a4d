import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type {
  RecordMappaContactInput,
  RecordMappaJReceivedInput,
  RecordMappaLetterInput,
  RecordMappaRestrictionsInput,
} from "@/lib/domain/forms/mappa-forms";
import { can } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { recordSecurityEvent } from "../audit/record-security-event";
import { findCaseForActor } from "../cases/case-access";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { refuseFutureDate } from "../business-dates";
import { logSecurePost } from "../paper-forms/log-secure-post";

/**
 * The nominated-officer-only annex of a MAPPA case (13.59, 13.68–13.72, 3.34–3.38): restrictions
 * phoned through by the JCP nominated officer, the MAPPA J form received by secure post, contact
 * details given later, and letters JCP's nominated officer sent instead of the provider. The open
 * case record holds only day-to-day information (13.71); everything here is for nominated officers
 * alone. Every read writes a restricted-read audit row (security.md LG-01); every write is audited
 * in its transaction (LG-02) with optimistic concurrency on MappaAnnex.version.
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
  mappaJReceivedOn: IsoDate | null;
  contactTelephone: string | null;
  contactAddress: string | null;
  letters: { id: string; sentOn: IsoDate; description: string }[];
  securePost: { id: string; postedOn: IsoDate; method: string; trackingNumber: string | null; counterparty: string }[];
}

type Tx = Prisma.TransactionClient;

/**
 * The case, if this actor may see it and it is (or was) a MAPPA case; otherwise "not found",
 * exactly as for an id that never existed (AC-01).
 */
async function mappaCaseFor(tx: Tx, actor: UseCaseActor, caseId: string) {
  const found = await findCaseForActor(tx, actor, caseId);
  const annex = await tx.mappaAnnex.findUnique({ where: { caseId: found.id } });
  if (found.restrictionTier !== "mappa" && !annex) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { found, annex };
}

/** Read the annex (nominated officers only), writing one restricted-read audit row per read (LG-01). */
export async function getMappaAnnex(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<MappaAnnexView> {
  if (!can(actor.roles, "read:restricted-case:any")) {
    // A refused request for the annex is a security event, listed in the case's access log (LG-03).
    await recordSecurityEvent(prisma, actor, { action: "mappa_annex_denied", entityType: "MappaAnnex", entityId: caseId.slice(0, 100) });
  }
  assertCan(actor, "read:restricted-case:any");
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return prisma.$transaction(async (tx) => {
    const { found, annex } = await mappaCaseFor(tx, actor, caseId);
    const details = await tx.case.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        reference: true,
        claimant: { select: { title: true, forename: true, surname: true } },
        mappaLetters: { orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] },
        securePost: { where: { document: "mappa_j", direction: "received" }, orderBy: [{ postedOn: "desc" }, { createdAt: "desc" }] },
      },
    });
    await recordAudit(tx, actor, {
      action: MAPPA_ANNEX_READ_ACTION,
      entityType: "MappaAnnex",
      entityId: annex?.id ?? null,
      caseId: found.id,
      restrictedRead: true,
    });
    const claimant = details.claimant;
    return {
      caseId: found.id,
      reference: details.reference,
      claimantName: [claimant.title, claimant.forename, claimant.surname].filter(Boolean).join(" "),
      restrictionTier: found.restrictionTier,
      annexVersion: annex?.version ?? 0,
      restrictions: annex?.restrictions ?? null,
      restrictionsPhonedOn: isoDateFromDb(annex?.restrictionsPhonedOn ?? null),
      mappaJReceivedOn: isoDateFromDb(annex?.mappaJReceivedOn ?? null),
      contactTelephone: annex?.contactTelephone ?? null,
      contactAddress: annex?.contactAddress ?? null,
      letters: details.mappaLetters.map((letter) => ({ id: letter.id, sentOn: isoDateFromDb(letter.sentOn), description: letter.description })),
      securePost: details.securePost.map((post) => ({
        id: post.id,
        postedOn: isoDateFromDb(post.postedOn),
        method: post.method,
        trackingNumber: post.trackingNumber,
        counterparty: post.counterparty,
      })),
    };
  });
}

/**
 * One write to the annex: permission, visibility, MAPPA check, the version claim (creating the
 * annex on the first write), the change and its audit row, all in one transaction.
 */
async function writeAnnex(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: { caseId: string; annexVersion: number },
  write: (tx: Tx, context: { caseId: string; annexId: string }) => Promise<{ action: string; entityType: string; entityId: string; before?: Prisma.InputJsonValue; after: Prisma.InputJsonValue }>,
  annexData: Prisma.MappaAnnexUncheckedUpdateManyInput = {},
): Promise<void> {
  assertCan(actor, "update:restricted-case:any");
  try {
    await prisma.$transaction(async (tx) => {
      const found = await findCaseForActor(tx, actor, input.caseId);
      const existing = await tx.mappaAnnex.findUnique({ where: { caseId: found.id }, select: { id: true } });
      if (found.restrictionTier !== "mappa" && !existing) {
        throw new UseCaseError("INVALID", "Only a MAPPA case has a nominated officer's annex (13.59): mark the case MAPPA first");
      }
      let annexId: string;
      if (input.annexVersion === 0) {
        if (existing) throw new UseCaseError("STALE", STALE_MESSAGE);
        annexId = (await tx.mappaAnnex.create({ data: { ...(annexData as Omit<Prisma.MappaAnnexUncheckedCreateInput, "caseId">), caseId: found.id }, select: { id: true } })).id;
      } else {
        const updated = await tx.mappaAnnex.updateMany({
          where: { caseId: found.id, version: input.annexVersion },
          data: { ...annexData, version: { increment: 1 } },
        });
        if (updated.count === 0 || !existing) throw new UseCaseError("STALE", STALE_MESSAGE);
        annexId = existing.id;
      }
      const entry = await write(tx, { caseId: found.id, annexId });
      await recordAudit(tx, actor, { ...entry, caseId: found.id });
    });
  } catch (error) {
    // Two first writes at once: the second finds the annex created under it.
    if (isUniqueViolation(error)) throw new UseCaseError("STALE", STALE_MESSAGE);
    throw error;
  }
}

/** Restrictions phoned through by the JCP nominated officer (13.59, 13.68, 3.34). */
export async function recordMappaRestrictions(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordMappaRestrictionsInput,
  today: IsoDate,
): Promise<void> {
  refuseFutureDate("restrictionsPhonedOn", "The date the JCP nominated officer phoned", input.restrictionsPhonedOn, today);
  await writeAnnex(
    prisma,
    actor,
    input,
    async (_tx, { annexId }) => ({
      action: "mappa_annex.restrictions_recorded",
      entityType: "MappaAnnex",
      entityId: annexId,
      // The restrictions themselves stay in the annex; the audit row says what changed, not the text.
      after: { restrictionsPhonedOn: input.restrictionsPhonedOn, restrictionsLength: input.restrictions.length },
    }),
    { restrictions: input.restrictions, restrictionsPhonedOn: isoDateToDb(input.restrictionsPhonedOn) },
  );
}

/** The MAPPA J form received by secure post, logged for audit (13.59, 13.69, 3.35). */
export async function recordMappaJReceived(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordMappaJReceivedInput,
  today: IsoDate,
): Promise<void> {
  refuseFutureDate("receivedOn", "The date the MAPPA J form arrived", input.receivedOn, today);
  await writeAnnex(
    prisma,
    actor,
    input,
    async (tx, { caseId }) => {
      const securePostLogId = await logSecurePost(tx, actor, {
        caseId,
        direction: "received",
        document: "mappa_j",
        method: "Secure post (Track and Trace)",
        trackingNumber: input.trackingNumber,
        counterparty: input.counterparty,
        postedOn: input.receivedOn,
      });
      return {
        action: "mappa_annex.mappa_j_received",
        entityType: "SecurePostLog",
        entityId: securePostLogId,
        after: { document: "mappa_j", direction: "received", postedOn: input.receivedOn, trackingNumber: input.trackingNumber },
      };
    },
    { mappaJReceivedOn: isoDateToDb(input.receivedOn) },
  );
}

/** Contact details given later by the JCP nominated officer, held in the annex only (13.70, 3.36). */
export async function recordMappaContact(prisma: PrismaClient, actor: UseCaseActor, input: RecordMappaContactInput): Promise<void> {
  await writeAnnex(
    prisma,
    actor,
    input,
    async (_tx, { annexId }) => ({
      action: "mappa_annex.contact_recorded",
      entityType: "MappaAnnex",
      entityId: annexId,
      // Contact details are sensitive (AC-04): the audit row records that they changed, not what they are.
      after: { contactTelephoneGiven: Boolean(input.contactTelephone), contactAddressGiven: Boolean(input.contactAddress) },
    }),
    { contactTelephone: input.contactTelephone, contactAddress: input.contactAddress },
  );
}

/** A letter JCP's nominated officer sent instead of the provider (13.72, 3.38). */
export async function recordMappaLetter(prisma: PrismaClient, actor: UseCaseActor, input: RecordMappaLetterInput, today: IsoDate): Promise<void> {
  refuseFutureDate("sentOn", "The date JCP sent the letter", input.sentOn, today);
  await writeAnnex(prisma, actor, input, async (tx, { caseId }) => {
    const letter = await tx.mappaLetter.create({
      data: { caseId, sentOn: isoDateToDb(input.sentOn), description: input.description, recordedById: actor.id },
    });
    return { action: "mappa_letter.recorded", entityType: "MappaLetter", entityId: letter.id, after: { sentOn: input.sentOn } };
  });
}
