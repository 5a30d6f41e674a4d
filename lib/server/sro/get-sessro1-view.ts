import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { EarlierSpell } from "@/lib/domain/sro/earlier-spells";
import { recordRestrictedRead } from "../audit/record-audit";
import { findEarlierSpells } from "./find-earlier-spells";
import { findVisibleCase } from "../cases/find-visible-case";
import { countPlacesTaken } from "../cases/lifecycle/lifecycle-snapshot";
import { assertCan, type UseCaseActor } from "../assert-can";
import { CASE_HEADER_SELECT, caseHeaderOf, type CaseHeader } from "../cases/case-header";
import { SECURE_POST_IN_ORDER, securePostViewOf, type SecurePostView } from "../paper-forms/log-secure-post";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/** What the SESSRO1 pages, the print view and the case page's section show: a DTO (AC-04). */
export interface Sessro1View extends CaseHeader {
  siteName: string;
  /** 13.47: null when the site's capacity is not recorded. */
  capacity: number | null;
  placesTaken: number;
  /** The site's standing JCP SPoC, to prefill where the SESSRO1 copy is sent (13.47). */
  siteSpoc: string | null;
  part1: { organisation: string; contactName: string; phone: string | null; email: string | null };
  part2: { title: string | null; surname: string; forename: string; nino: string | null };
  interviewAt: string | null;
  interviewVenue: string | null;
  incompatibleProgrammeChecked: boolean;
  onIncompatibleProgramme: boolean | null;
  part3: {
    firstMetOn: IsoDate | null;
    eligible: boolean | null;
    suitable: boolean | null;
    previousSes: boolean | null;
    previousSesAppropriate: boolean | null;
    otherDwpProgrammes: string | null;
    outcome: "accepted" | "provision_full" | "not_eligible_or_suitable" | null;
  };
  part4: { reasonLabel: string | null; reason: string | null; claimantToldOn: IsoDate | null; sroContactedOn: IsoDate | null; copyRetainedForInspection: boolean };
  consent: { signedOn: IsoDate | null; copyOfferedOn: IsoDate | null; originalRetained: boolean; spocNotifiedOn: IsoDate | null };
  securePost: SecurePostView[];
  /** 13.45: another DWP programme named at the introduction (a warning to check at the first meeting). */
  otherProgrammeNamed: string | null;
  /** 13.46, 3.24: why another period on SES is appropriate, where an earlier spell is on record. */
  previousSpellReason: string | null;
  /** 13.47, 3.25: why the provision was full. */
  provisionFullReason: string | null;
  /** 13.49, 3.27: when JCP confirmed it received the SESSRO1 copy. */
  jcpReceiptOn: IsoDate | null;
  /** 13.46, 3.24: earlier SES spells with the same NINO this user may see (the SESSRO1 pages only). */
  earlierSpells: EarlierSpell[];
}

/** The case columns and records the SESSRO1 pages and the case page's section show. */
export const SESSRO1_VIEW_SELECT = {
  ...CASE_HEADER_SELECT,
  siteId: true,
  closureReason: { select: { kind: true, label: true } },
  site: { select: { name: true, capacity: true, contacts: { where: { role: "jcp_spoc" }, select: { name: true, organisation: true }, take: 1 } } },
  sessro1: true,
  securePost: SECURE_POST_IN_ORDER,
} as const satisfies Prisma.CaseSelect;

type Sessro1Row = Prisma.CaseGetPayload<{ select: typeof SESSRO1_VIEW_SELECT }>;

/** The default audit action of a read of a restricted case's SESSRO1 (LG-01). */
export const SESSRO1_READ_ACTION = "sessro1.read";

/**
 * One case's SESSRO1, through the visibility rule (findVisibleCase: NOT_FOUND as for a random id,
 * AC-01); a case with no SESSRO1 has no such page (NOT_FOUND too). A read of a restricted case
 * writes its audit row (LG-01) under `readAction` (page or print).
 */
export async function getSessro1View(prisma: PrismaClient, actor: UseCaseActor, caseId: string, readAction = SESSRO1_READ_ACTION): Promise<Sessro1View> {
  assertCan(actor, "read:case:any");
  const row = await findVisibleCase(prisma, actor, caseId, { select: SESSRO1_VIEW_SELECT });
  const view = await sessro1ViewOf(prisma, row);
  if (!view) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  await recordRestrictedRead(prisma, actor, row, readAction);
  return { ...view, earlierSpells: await findEarlierSpells(prisma, actor, view.part2.nino, row.id) };
}

/** The SESSRO1 of a case already loaded through the visibility rule; null when the case has none (not an SRO introduction). */
export async function sessro1ViewOf(prisma: PrismaClient, row: Sessro1Row): Promise<Sessro1View | null> {
  const form = row.sessro1;
  if (!form) return null;
  return {
    ...caseHeaderOf(row),
    siteName: row.site.name,
    capacity: row.site.capacity,
    placesTaken: row.site.capacity === null ? 0 : await countPlacesTaken(prisma, row.siteId),
    siteSpoc: row.site.contacts[0] ? [row.site.contacts[0].name, "JCP SPoC", row.site.contacts[0].organisation].filter(Boolean).join(", ") : null,
    part1: { organisation: form.sroOrganisation, contactName: form.sroContactName, phone: form.sroPhone, email: form.sroEmail },
    part2: { title: form.title, surname: form.surname, forename: form.forename, nino: form.nino },
    interviewAt: form.interviewAt?.toISOString() ?? null,
    interviewVenue: form.interviewVenue,
    incompatibleProgrammeChecked: form.incompatibleProgrammeChecked,
    onIncompatibleProgramme: form.onIncompatibleProgramme,
    part3: {
      firstMetOn: isoDateFromDb(form.firstMetOn),
      eligible: form.eligible,
      suitable: form.suitable,
      previousSes: form.previousSes,
      previousSesAppropriate: form.previousSesAppropriate,
      otherDwpProgrammes: form.otherDwpProgrammes,
      outcome: form.outcome,
    },
    part4: {
      reasonLabel: row.closureReason?.kind === "not_eligible" ? row.closureReason.label : null,
      reason: form.part4Reason,
      claimantToldOn: isoDateFromDb(form.claimantToldOn),
      sroContactedOn: isoDateFromDb(form.sroContactedOn),
      copyRetainedForInspection: form.copyRetainedForInspection,
    },
    consent: {
      signedOn: isoDateFromDb(form.signedOn),
      copyOfferedOn: isoDateFromDb(form.copyOfferedOn),
      originalRetained: form.originalRetained,
      spocNotifiedOn: isoDateFromDb(form.spocNotifiedOn),
    },
    securePost: row.securePost.filter((post) => post.document === "sessro1_copy").map(securePostViewOf),
    otherProgrammeNamed: form.otherProgrammeNamed,
    previousSpellReason: form.previousSpellReason,
    provisionFullReason: form.provisionFullReason,
    jcpReceiptOn: isoDateFromDb(form.jcpReceiptOn),
    earlierSpells: [],
  };
}
