import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { CURRENT_UC452_TEMPLATE, renderPart, UC452_PARTS, type RenderedField, type Uc452Part } from "@/lib/domain/uc452/template";
import { recordRestrictedRead } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findUcCaseForRead, UC452_RESTRICTED_READ_ACTION } from "./uc-case";

export const MAPPA_MARKER_LINE = "MAPPA case: further information can be obtained from your nominated officer (13.71)";

export interface Uc452PrintView {
  caseId: string;
  reference: string;
  /**
   * A MAPPA case's print carries the marker line its record carries: a MAPPA case, further
   * information from the nominated officer (13.71, 3.37; docs/rules/restricted-cases.md).
   */
  mappaMarker: string | null;
  /** Parts 1–4: received from JCP, shown as the referral and claimant details the app holds. */
  partsOneToFour: { receivedOn: IsoDate | null; templateVersion: string; rows: RenderedField[] };
  parts: { part: Uc452Part; title: string; templateVersion: string; known: boolean; fields: RenderedField[]; completedOn: IsoDate | null }[];
}

/** The UC452 as completed so far, for printing (and keeping a copy, 13.21). */
export async function getUc452PrintView(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<Uc452PrintView> {
  assertCan(actor, "read:case:any");
  const { row, identification } = await findUcCaseForRead(prisma, actor, caseId);
  await recordRestrictedRead(prisma, actor, row, UC452_RESTRICTED_READ_ACTION);
  const partsOneToFour = row.uc452Parts.find((form) => form.part === "parts_1_to_4");
  const referralDate = isoDateFromDb(row.referralDate);
  return {
    caseId: row.id,
    reference: row.reference,
    mappaMarker: row.restrictionTier === "mappa" ? MAPPA_MARKER_LINE : null,
    partsOneToFour: {
      receivedOn: isoDateFromDb(partsOneToFour?.receivedOn ?? null),
      templateVersion: partsOneToFour?.templateVersion ?? CURRENT_UC452_TEMPLATE,
      rows: [
        { key: "name", label: "Name", value: identification.claimantName },
        { key: "nino", label: "National Insurance number", value: identification.nino ?? "Not recorded" },
        { key: "referralId", label: "PRaP referral ID", value: identification.referralId ?? "Not recorded" },
        { key: "purchaseOrderNumber", label: "Purchase order number", value: identification.purchaseOrderNumber ?? "Not recorded" },
        { key: "referralDate", label: "Referral date", value: referralDate ? formatLongDate(referralDate) : "Not recorded" },
      ],
    },
    parts: row.uc452Parts
      .filter((form) => form.part !== "parts_1_to_4")
      .sort((a, b) => UC452_PARTS.indexOf(a.part) - UC452_PARTS.indexOf(b.part))
      .map((form) => ({
        part: form.part,
        templateVersion: form.templateVersion,
        ...renderPart(form.templateVersion, form.part, form.fields),
        completedOn: form.completedAt ? todayInLondon(form.completedAt) : null,
      })),
  };
}
