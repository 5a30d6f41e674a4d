import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type {
  RecordSpocChasedInput,
  RecordUc452EmailSentInput,
  RecordUc452ReceivedInput,
  RecordUcpr1ReceivedInput,
} from "@/lib/domain/forms/paper-forms";
import { buildUc452Email, type Uc452Email } from "@/lib/domain/uc452/eml";
import {
  CURRENT_UC452_TEMPLATE,
  INBOXES,
  renderPart,
  templateFieldsOf,
  UC452_PARTS,
  type EmailedPart,
  type Inbox,
  type RenderedField,
  type Uc452Part,
} from "@/lib/domain/uc452/template";
import { recordAudit, recordRestrictedRead } from "../audit/record-audit";
import { loadCalendar } from "../reference/load-calendar";
import { claimCaseVersion, findCaseForActor } from "../cases/case-access";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { refuseDateBefore, refuseFutureDate } from "../business-dates";

/**
 * A UC case's paper trail (domain.md "Forms"; route 1 steps 3 and 6): the UC452 and UCPR1
 * arriving by post (13.08, 13.12, 13.14, 13.66), the JCP SPoC chased for them (13.14, 13.67),
 * and UC452 parts 6/7 emailed one form per email to the two DWP inboxes (13.21, 13.22).
 * Every read and write goes through the case visibility rule (AC-01): an SCR case is "not found"
 * for a caseworker.
 */

const UC_ONLY_MESSAGE = "The UC452 and UCPR1 are only used for Universal Credit referrals (13.08)";

type Tx = Prisma.TransactionClient;

async function ucCaseFor(tx: Tx, actor: UseCaseActor, caseId: string) {
  const found = await findCaseForActor(tx, actor, caseId);
  const details = await tx.case.findUniqueOrThrow({
    where: { id: found.id },
    select: { ruleset: true, referralDate: true, uc452ReceivedOn: true, ucpr1ReceivedOn: true, spocChasedOn: true, reference: true },
  });
  if (details.ruleset !== "ses_2016_uc") throw new UseCaseError("INVALID", UC_ONLY_MESSAGE);
  return { ...found, ...details, referralDate: isoDateFromDb(details.referralDate) };
}

/** A business date on a UC case: not in the future, not before the referral date. */
function assertDateInRange(field: string, subject: string, date: IsoDate, today: IsoDate, referralDate: IsoDate | null): void {
  refuseFutureDate(field, subject, date, today);
  if (referralDate) refuseDateBefore(field, subject, date, referralDate, "the referral date");
}

/** UC452 with parts 1–4 completed by JCP arrived (13.12, 13.14): the clock input and the form row. */
export async function recordUc452Received(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUc452ReceivedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await ucCaseFor(tx, actor, input.caseId);
    assertDateInRange("receivedOn", "The date the UC452 arrived", input.receivedOn, today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { uc452ReceivedOn: isoDateToDb(input.receivedOn) });
    const form = await tx.uc452Form.upsert({
      where: { caseId_part: { caseId: found.id, part: "parts_1_to_4" } },
      // Parts 1–4 are JCP's: the app keeps no invented copy of the paper form's boxes.
      create: { caseId: found.id, part: "parts_1_to_4", templateVersion: CURRENT_UC452_TEMPLATE, fields: {}, receivedOn: isoDateToDb(input.receivedOn) },
      update: { receivedOn: isoDateToDb(input.receivedOn), version: { increment: 1 } },
    });
    await recomputeDueDates(tx, found.id, await loadCalendar(tx));
    await recordAudit(tx, actor, {
      action: "uc452.received",
      entityType: "uc452_form",
      entityId: form.id,
      caseId: found.id,
      before: { uc452ReceivedOn: isoDateFromDb(found.uc452ReceivedOn) },
      after: { part: "parts_1_to_4", receivedOn: input.receivedOn },
    });
  });
}

/** UCPR1 arrived, with its contents (13.08, 13.66). The audit row records the date, not the words. */
export async function recordUcpr1Received(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUcpr1ReceivedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await ucCaseFor(tx, actor, input.caseId);
    assertDateInRange("receivedOn", "The date the UCPR1 arrived", input.receivedOn, today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { ucpr1ReceivedOn: isoDateToDb(input.receivedOn) });
    const contents = {
      receivedOn: isoDateToDb(input.receivedOn),
      jobAims: input.jobAims,
      jobPreferences: input.jobPreferences,
      preferredHours: input.preferredHours,
      availabilityRestrictions: input.availabilityRestrictions,
      specialArrangements: input.specialArrangements,
      complexNeeds: input.complexNeeds,
    };
    const form = await tx.ucpr1Form.upsert({ where: { caseId: found.id }, create: { caseId: found.id, ...contents }, update: contents });
    await recomputeDueDates(tx, found.id, await loadCalendar(tx));
    await recordAudit(tx, actor, {
      action: "ucpr1.received",
      entityType: "ucpr1_form",
      entityId: form.id,
      caseId: found.id,
      before: { ucpr1ReceivedOn: isoDateFromDb(found.ucpr1ReceivedOn) },
      after: { receivedOn: input.receivedOn },
    });
  });
}

/** The JCP SPoC was contacted for missing forms (13.14, 13.67): stops the chase clock. */
export async function recordSpocChased(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSpocChasedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await ucCaseFor(tx, actor, input.caseId);
    assertDateInRange("chasedOn", "The date you contacted the JCP SPoC", input.chasedOn, today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { spocChasedOn: isoDateToDb(input.chasedOn) });
    await recomputeDueDates(tx, found.id, await loadCalendar(tx));
    const missing = [...(found.uc452ReceivedOn ? [] : ["uc452"]), ...(found.ucpr1ReceivedOn ? [] : ["ucpr1"])];
    await recordAudit(tx, actor, {
      action: "spoc.chased",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { spocChasedOn: isoDateFromDb(found.spocChasedOn) },
      after: { spocChasedOn: input.chasedOn, missing },
    });
  });
}

// ─── Reads ───────────────────────────────────────────────────────────────────────────────


function notFound(): UseCaseError {
  return new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FormsOverview {
  caseId: string;
  reference: string;
  version: number;
  isUc: boolean;
  referralDate: IsoDate | null;
  uc452ReceivedOn: IsoDate | null;
  ucpr1: { receivedOn: IsoDate; fields: { key: (typeof UCPR1_LABELS)[number][0]; label: string; value: string | null }[] } | null;
  spocChasedOn: IsoDate | null;
  /** The provider's parts (6, 7, 8a, 8b) completed so far. */
  parts: { part: Uc452Part; title: string; templateVersion: string; completedOn: IsoDate | null; formVersion: number }[];
  emails: { id: string; part: Uc452Part; inbox: Inbox; recipient: string; sentOn: IsoDate }[];
}

const UCPR1_LABELS = [
  ["jobAims", "Job aims"],
  ["jobPreferences", "Job preferences"],
  ["preferredHours", "Preferred hours"],
  ["availabilityRestrictions", "Availability restrictions"],
  ["specialArrangements", "Special arrangements"],
  ["complexNeeds", "Complex needs and additional requirements"],
] as const;

/** What the case page's Forms section shows. */
export async function getFormsOverview(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<FormsOverview> {
  assertCan(actor, "read:case:any");
  if (!UUID.test(caseId)) throw notFound();
  const row = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor)] },
    select: {
      id: true,
      reference: true,
      version: true,
      ruleset: true,
      referralDate: true,
      uc452ReceivedOn: true,
      spocChasedOn: true,
      ucpr1: true,
      uc452Parts: { orderBy: { createdAt: "asc" } },
      uc452Emails: { orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] },
    },
  });
  if (!row) throw notFound();
  return {
    caseId: row.id,
    reference: row.reference,
    version: row.version,
    isUc: row.ruleset === "ses_2016_uc",
    referralDate: isoDateFromDb(row.referralDate),
    uc452ReceivedOn: isoDateFromDb(row.uc452ReceivedOn),
    ucpr1: row.ucpr1
      ? { receivedOn: isoDateFromDb(row.ucpr1.receivedOn), fields: UCPR1_LABELS.map(([key, label]) => ({ key, label, value: row.ucpr1![key] })) }
      : null,
    spocChasedOn: isoDateFromDb(row.spocChasedOn),
    parts: row.uc452Parts
      .filter((form) => form.part !== "parts_1_to_4")
      .sort((a, b) => UC452_PARTS.indexOf(a.part) - UC452_PARTS.indexOf(b.part))
      .map((form) => ({
        part: form.part,
        title: renderPart(form.templateVersion, form.part, form.fields).title,
        templateVersion: form.templateVersion,
        completedOn: form.completedAt ? todayInLondon(form.completedAt) : null,
        formVersion: form.version,
      })),
    emails: row.uc452Emails.map((email) => ({ id: email.id, part: email.part, inbox: email.inbox, recipient: email.recipient, sentOn: isoDateFromDb(email.sentOn) })),
  };
}

export interface Uc452PrintView {
  caseId: string;
  reference: string;
  /** Parts 1–4: received from JCP, shown as the referral and claimant details the app holds. */
  partsOneToFour: { receivedOn: IsoDate | null; templateVersion: string; rows: RenderedField[] };
  parts: { part: Uc452Part; title: string; templateVersion: string; known: boolean; fields: RenderedField[]; completedOn: IsoDate | null }[];
}

async function ucCaseForRead(prisma: PrismaClient, actor: UseCaseActor, caseId: string) {
  if (!UUID.test(caseId)) throw notFound();
  const row = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor)] },
    select: {
      id: true,
      reference: true,
      ruleset: true,
      restrictionTier: true,
      referralDate: true,
      referralReceivedOn: true,
      claimant: { select: { title: true, forename: true, surname: true, nino: true } },
      prapReferrals: { orderBy: [{ referralDate: "asc" }, { receivedAt: "asc" }], select: { referralId: true, purchaseOrderNumber: true, provision: true } },
      uc452Parts: true,
      organisation: { select: { name: true, contactEmail: true, ucServiceCentreEmail: true, sesPolicyEmail: true } },
    },
  });
  // The UC452 belongs to Universal Credit cases only (13.12): anything else has no such page.
  if (!row || row.ruleset !== "ses_2016_uc") throw notFound();
  // The referral for the Initial Assessment is the one parts 1–4 describe (13.12, 13.18).
  const referral = row.prapReferrals.find((item) => item.provision === "ia_opportunity") ?? row.prapReferrals[0] ?? null;
  const identification = {
    claimantName: [row.claimant.title, row.claimant.forename, row.claimant.surname].filter(Boolean).join(" "),
    nino: row.claimant.nino,
    referralId: referral?.referralId ?? null,
    purchaseOrderNumber: referral?.purchaseOrderNumber ?? null,
  };
  return { row, identification };
}

/** The UC452 as completed so far, for printing (and keeping a copy, 13.21). */
export async function getUc452PrintView(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<Uc452PrintView> {
  assertCan(actor, "read:case:any");
  const { row, identification } = await ucCaseForRead(prisma, actor, caseId);
  await recordRestrictedRead(prisma, actor, row, "uc452.restricted_read");
  const partsOneToFour = row.uc452Parts.find((form) => form.part === "parts_1_to_4");
  const referralDate = isoDateFromDb(row.referralDate);
  return {
    caseId: row.id,
    reference: row.reference,
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

export interface Uc452EmailPage {
  caseId: string;
  reference: string;
  part: EmailedPart;
  /** null: the part has not been completed, so there is nothing to email yet. */
  form: { version: number; templateVersion: string; title: string; fields: RenderedField[] } | null;
  inboxes: { inbox: Inbox; recipient: string | null; sent: { id: string; sentOn: IsoDate; recipient: string }[] }[];
}

function recipientFor(organisation: { ucServiceCentreEmail: string | null; sesPolicyEmail: string | null }, inbox: Inbox): string | null {
  return inbox === "uc_service_centre" ? organisation.ucServiceCentreEmail : organisation.sesPolicyEmail;
}

/** The email page for one part: each inbox's address, the download, and what was sent already. */
export async function getUc452EmailPage(prisma: PrismaClient, actor: UseCaseActor, caseId: string, part: EmailedPart): Promise<Uc452EmailPage> {
  assertCan(actor, "read:case:any");
  const { row } = await ucCaseForRead(prisma, actor, caseId);
  await recordRestrictedRead(prisma, actor, row, "uc452.restricted_read");
  const form = row.uc452Parts.find((item) => item.part === part) ?? null;
  const sent = await prisma.uc452Email.findMany({ where: { caseId: row.id, part }, orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] });
  return {
    caseId: row.id,
    reference: row.reference,
    part,
    form: form ? { version: form.version, templateVersion: form.templateVersion, ...renderPart(form.templateVersion, part, form.fields) } : null,
    inboxes: INBOXES.map((inbox) => ({
      inbox,
      recipient: recipientFor(row.organisation, inbox),
      sent: sent.filter((email) => email.inbox === inbox).map((email) => ({ id: email.id, sentOn: isoDateFromDb(email.sentOn), recipient: email.recipient })),
    })),
  };
}

/**
 * Build (never send, never record) the .eml for one part to one inbox. NOT_FOUND when the case is
 * not visible, not UC, the part is not completed, or the inbox has no address.
 */
export async function buildUc452EmailFor(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  part: EmailedPart,
  inbox: Inbox,
  now: Date = new Date(),
): Promise<Uc452Email> {
  assertCan(actor, "read:case:any");
  const { row, identification } = await ucCaseForRead(prisma, actor, caseId);
  const form = row.uc452Parts.find((item) => item.part === part);
  const to = recipientFor(row.organisation, inbox);
  if (!form || !to) throw notFound();
  await recordRestrictedRead(prisma, actor, row, "uc452.restricted_read");
  return buildUc452Email({
    part,
    inbox,
    to,
    from: { name: row.organisation.name, address: row.organisation.contactEmail },
    caseReference: row.reference,
    templateVersion: form.templateVersion,
    identification,
    fields: form.fields,
    now,
  });
}

/**
 * Record that one UC452 email was sent (13.21, 13.22): the snapshot of the form as sent is kept,
 * every version (a resend is a new row, never an overwrite).
 */
export async function recordUc452EmailSent(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUc452EmailSentInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await ucCaseFor(tx, actor, input.caseId);
    const form = await tx.uc452Form.findUnique({ where: { caseId_part: { caseId: found.id, part: input.part } } });
    if (!form) throw new UseCaseError("INVALID", "Complete this part of the UC452 before emailing it");
    // The email was built from the version the page showed; if the form changed since, download it again.
    if (form.version !== input.formVersion) throw new UseCaseError("STALE", STALE_MESSAGE);
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: found.organisationId },
      select: { ucServiceCentreEmail: true, sesPolicyEmail: true },
    });
    const recipient = recipientFor(organisation, input.inbox);
    if (!recipient) throw new UseCaseError("INVALID", "Ask an administrator to record this inbox's email address first");
    assertDateInRange("sentOn", "The date the email was sent", input.sentOn, today, found.referralDate);
    const snapshot = {
      part: input.part,
      templateVersion: form.templateVersion,
      formId: form.id,
      formVersion: form.version,
      fields: templateFieldsOf(form.templateVersion, input.part, form.fields),
    };
    const email = await tx.uc452Email.create({
      data: { caseId: found.id, part: input.part, inbox: input.inbox, recipient, snapshot, sentOn: isoDateToDb(input.sentOn), recordedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "uc452.emailed",
      entityType: "uc452_email",
      entityId: email.id,
      caseId: found.id,
      after: { part: input.part, inbox: input.inbox, recipient, sentOn: input.sentOn, formVersion: form.version },
    });
  });
}
