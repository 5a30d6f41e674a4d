import { correctionSummary } from "@/lib/domain/corrections/amend";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { isClosedState, type CaseState } from "@/lib/domain/case-states";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import { failedAttemptsSinceLastContact, unableToContactPromptFor, type ContactOutcome } from "@/lib/domain/lifecycle/contact-attempts";
import { WELCOME_CALL_OUTCOME_LABELS, type WelcomeCallOutcome } from "@/lib/domain/lifecycle/steps/record-welcome-call";
import { PRAP_REASON_LABELS } from "@/lib/domain/forms/settings-forms";
import { PRAP_STATUS_LABELS, PROVISION_LABELS } from "@/lib/domain/case-labels";
import { loadSettingsForPages } from "../reference/load-settings";
import { showValue, timelineWording } from "@/lib/domain/timeline-wording";
import { claimantFieldsOf, type ClaimantFields } from "@/lib/domain/forms/circumstances";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { can } from "@/lib/domain/permissions";
import { deriveRuleset } from "@/lib/domain/lifecycle/rulesets";
import type { PurchaseOrderRegime } from "@/lib/domain/identifiers";
import { loadCalendarForPages } from "../reference/load-calendar";
import { loadDeadlineSettingsForPages } from "../reference/load-deadline-settings";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "./find-visible-case";
import { CLOCK_INPUT_SELECT, clockRecordFromRow } from "./recompute-due-dates";

const RESTRICTED_TIMELINE_ACTIONS = [{ action: { startsWith: "mappa_annex." } }, { action: { startsWith: "mappa_letter." } }];

/** What the case page shows: a DTO, never a Prisma row (docs/security.md AC-04). */
export interface CaseView {
  id: string;
  reference: string;
  version: number;
  state: CaseState;
  route: "prap_two_stage" | "prap_single" | "sro_introduction" | "scr_clerical";
  ruleset: "ses_2016_uc" | "ses_2017";
  /**
   * Why the case runs its ruleset (docs/rules/rulesets.md): the plain-words derivation from the
   * referral date and purchase order (null before a PRaP referral exists), and, when a caseworker
   * chose the other ruleset, who and why.
   */
  rulesetChoice: { why: string | null; override: { reason: string; byName: string | null } | null };
  restrictionTier: "none" | "mappa" | "scr";
  strand: "sesmp" | "sessb" | null;
  siteName: string;
  caseworkerName: string | null;
  claimant: {
    name: string;
    nino: string | null;
    telephone: string | null;
    alternativeTelephone: string | null;
    address: string | null;
    /** The contact and personal details as stored, for the change-of-circumstances form (contact details withheld on a MAPPA case for anyone but a nominated officer). */
    fields: ClaimantFields;
    /** 3.33: "Safeguard" (vulnerable customer status). */
    vulnerable: boolean;
    /** Everything else the referral captured, as summary rows (13.62–13.64, 3.33). */
    personalDetails: { key: string; value: string }[];
    /** 13.63: jobs, most recent first. */
    employmentHistory: { description: string; startDate: IsoDate | null; endDate: IsoDate | null }[];
    /** 13.64: qualifications as listed. */
    qualifications: { subject: string; level: string | null; outcome: string | null; startDate: IsoDate | null; endDate: IsoDate | null }[];
  };
  /** The site's id and nation (whose working-day calendar the clocks count in). */
  siteId: string;
  siteNation: string;
  /** 13.39, 13.46: why a re-referral of someone with an earlier SES spell was accepted; null for none. */
  reReferralJustification: string | null;
  /** The note recorded with the closure (e.g. a duplicate closed), null for none. */
  closureNote: string | null;
  /** How a closed case closed, from its closing step: the DEA or Work Coach's agreement (3.08–3.10) and the step's reason. */
  closureDetails: { key: string; value: string }[];
  /** The latest move to another site, for the deadlines' explanation; null when never moved. */
  lastTransfer: { from: string; to: string; on: IsoDate } | null;
  /**
   * A MAPPA case: the provider's own nominated officers, whom a caseworker contacts for anything
   * beyond day-to-day information (13.71, 3.37); empty for any other case.
   */
  nominatedOfficers: string[];
  dates: { label: string; value: IsoDate | null }[];
  clocks: Clock[];
  prapReferrals: {
    purchaseOrderNumber: string;
    referralId: string;
    provision: string;
    regime: string;
    referralDate: IsoDate;
    status: string;
    /** The reason as PRaP records it (e.g. "Other" for a 2016 no-show, docs/decisions/0011-2016-no-show-and-withdrawal.md); null when none. */
    prapReason: string | null;
  }[];
  /** The case's own closure reason, in the administrator's wording; null while the case is open. */
  closureReason: string | null;
  contacts: { role: string; name: string; phone: string | null; email: string | null }[];
  notes: { id: string; authorName: string; createdAt: string; text: string }[];
  contactAttempts: { id: string; attemptedAt: string; channel: string; outcome: string; note: string | null }[];
  /** 3.08: unsuccessful attempts since the last successful contact. */
  failedContactAttempts: number;
  /** 3.08: the administrator's threshold, and whether the "unable to contact" prompt shows (only where that route is allowed). */
  unableToContact: { threshold: number; prompt: boolean };
  /** 3.07: what the welcome call arranged, as summary rows. */
  welcomeCall: { key: string; value: string }[];
  assignedCaseworkerId: string | null;
  /**
   * `detail`: a correction's before → after and reason (docs/rules/states.md: corrections);
   * `title` and `details`: the entry in plain words (lib/domain/timeline-wording.ts).
   */
  timeline: { id: string; action: string; at: string; actorName: string | null; detail: string | null; title: string; details: string[] }[];
}

/** The columns the case page's own sections show (the sections of other records add theirs). */
export const CASE_VIEW_SELECT = {
  id: true,
  reference: true,
  version: true,
  route: true,
  strand: true,
  initialAssessmentOn: true,
  warmHandoverOn: true,
  anticipatedStartOn: true,
  anticipatedEndOn: true,
  welcomeCall: true,
  ...CLOCK_INPUT_SELECT,
  site: { select: { name: true, nation: true } },
  assignedCaseworker: { select: { name: true } },
  claimant: {
    select: {
      title: true,
      forename: true,
      surname: true,
      nino: true,
      telephone: true,
      alternativeTelephone: true,
      addressLine1: true,
      addressLine2: true,
      town: true,
      postcode: true,
      disabled: true,
      vulnerable: true,
      welshLanguage: true,
      childcareRequirements: true,
      disadvantaged: true,
      drivingLicence: true,
      workSearchReviewAppointment: true,
      employmentHistory: { orderBy: { sequence: "asc" } },
      qualifications: { orderBy: { sequenceNumber: "asc" } },
    },
  },
  siteId: true,
  reReferralJustification: true,
  closureNote: true,
  prapReferrals: { orderBy: { referralDate: "asc" } },
  closureReason: { select: { kind: true, label: true } },
  contacts: { orderBy: { createdAt: "asc" } },
  assignedCaseworkerId: true,
  rulesetOverrideReason: true,
  rulesetOverriddenBy: { select: { name: true } },
  notes: { orderBy: { createdAt: "desc" }, take: 50, select: { id: true, text: true, createdAt: true, author: { select: { name: true } } } },
  contactAttempts: { orderBy: { attemptedAt: "desc" }, take: 50 },
} as const satisfies Prisma.CaseSelect;

export type CaseViewRow = Prisma.CaseGetPayload<{ select: typeof CASE_VIEW_SELECT }>;

/** The audit action of a read of a restricted case's page (LG-01). */
export const CASE_RESTRICTED_READ_ACTION = "case.restricted_read";

/**
 * Load one case for display, through the visibility rule (findVisibleCase): an SCR case is "not
 * found" for anyone but a nominated officer — the same answer as an id that never existed (AC-01)
 * — and that refusal is logged (LG-03). Every read of an SCR case writes an audit row (LG-01).
 */
export async function getCaseView(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  clock: { today: IsoDate; now: Date },
): Promise<CaseView> {
  assertCan(actor, "read:case:any");
  const row = await findVisibleCase(prisma, actor, caseId, { select: CASE_VIEW_SELECT, restrictedRead: CASE_RESTRICTED_READ_ACTION });
  return caseViewOf(prisma, actor, row, clock);
}

const CORRECTION_ACTIONS = new Set(["case.amended", "case.step_undone"]);

/** The entries the sections other than the timeline read: the step that closed the case (closureDetailsOf) and the latest move (lastTransferOf). */
const otherSectionsActions = (state: CaseState) => [`case.${state}`, "case.transferred"];

/** What a section of the case's record needs besides the case itself. */
export interface CaseViewParts {
  /** The timeline (the latest 100 entries, in words, with the names they refer to); without it, `timeline` is empty. Default true. */
  timeline?: boolean;
}

/** The view of a case already loaded through the visibility rule: with its clocks, and its timeline unless left out. */
export async function caseViewOf(
  prisma: PrismaClient,
  actor: UseCaseActor,
  row: CaseViewRow,
  clock: { today: IsoDate; now: Date },
  parts: CaseViewParts = {},
): Promise<CaseView> {
  const withTimeline = parts.timeline ?? true;
  const events = await prisma.auditEvent.findMany({
    // The MAPPA annex is the nominated officer's alone (13.69): its entries stay off everyone else's timeline.
    // Without the timeline, only the entries the other sections read: the closing step and the latest move.
    where: {
      caseId: row.id,
      restrictedRead: false,
      ...(can(actor.roles, "read:restricted-case:any") ? {} : { NOT: RESTRICTED_TIMELINE_ACTIONS }),
      ...(withTimeline ? {} : { action: { in: otherSectionsActions(row.state) } }),
    },
    orderBy: { at: "desc" },
    take: withTimeline ? 100 : undefined,
    select: { id: true, action: true, at: true, actorId: true, entityId: true, before: true, after: true, reason: true },
  });
  // The names the entries refer to: who did it, and who a case was assigned from and to.
  const assigneeIds = events.flatMap((event) =>
    event.action === "case.assigned" || event.action === "case.unassigned"
      ? [(event.before as { assignedCaseworkerId?: unknown } | null)?.assignedCaseworkerId, (event.after as { assignedCaseworkerId?: unknown } | null)?.assignedCaseworkerId]
      : [],
  );
  const actorIds = withTimeline
    ? [...new Set([...events.map((event) => event.actorId), ...assigneeIds].filter((id): id is string => typeof id === "string" && id !== ""))]
    : [];
  // The case page shows notes to everyone who may read the case, so the timeline shows their text too.
  const noteIds = withTimeline ? events.filter((event) => event.action === "note.added").flatMap((event) => (event.entityId ? [event.entityId] : [])) : [];
  const noteTexts = new Map(
    noteIds.length === 0
      ? []
      : (await prisma.caseNote.findMany({ where: { id: { in: noteIds }, caseId: row.id }, select: { id: true, text: true } })).map((note) => [note.id, note.text] as const),
  );
  const actors = new Map(
    actorIds.length === 0 ? [] : (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const calendar = await loadCalendarForPages(prisma);
  const failedContactAttempts = failedAttemptsSinceLastContact(row.contactAttempts.map((attempt) => attempt.outcome as ContactOutcome).reverse());
  const threshold = (await loadSettingsForPages(prisma, ["contact.unableToContactAttempts"]))["contact.unableToContactAttempts"];
  const record = clockRecordFromRow(row);
  const claimant = row.claimant;
  // MAPPA: the open record holds day-to-day information only; contact goes via the nominated officer
  // (13.71). findVisibleCase has already taken the contact details out for anyone else.
  const nominatedOfficers =
    row.restrictionTier === "mappa"
      ? await prisma.user.findMany({
          where: { organisationId: actor.organisationId, active: true, roles: { has: "nominated_officer" } },
          orderBy: { name: "asc" },
          select: { name: true },
        })
      : [];
  const address = [claimant.addressLine1, claimant.addressLine2, claimant.town, claimant.postcode].filter(Boolean).join(", ") || null;

  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    state: row.state,
    route: row.route,
    ruleset: row.ruleset,
    rulesetChoice: rulesetChoiceOf(row),
    restrictionTier: row.restrictionTier,
    strand: row.strand,
    siteName: row.site.name,
    caseworkerName: row.assignedCaseworker?.name ?? null,
    claimant: {
      name: claimantDisplayName(claimant),
      nino: claimant.nino,
      telephone: claimant.telephone,
      alternativeTelephone: claimant.alternativeTelephone,
      address,
      fields: claimantFieldsOf(claimant),
      vulnerable: claimant.vulnerable,
      personalDetails: personalDetailRows(claimant),
      employmentHistory: claimant.employmentHistory.map((job) => ({ description: job.description, startDate: optionalDate(job.startDate), endDate: optionalDate(job.endDate) })),
      qualifications: claimant.qualifications.map((qualification) => ({
        subject: qualification.subject,
        level: qualification.level,
        outcome: qualification.outcome,
        startDate: optionalDate(qualification.startDate),
        endDate: optionalDate(qualification.endDate),
      })),
    },
    siteId: row.siteId,
    siteNation: row.site.nation,
    reReferralJustification: row.reReferralJustification,
    closureNote: row.closureNote,
    closureDetails: closureDetailsOf(row.state, events),
    lastTransfer: lastTransferOf(events),
    nominatedOfficers: nominatedOfficers.map((officer) => officer.name),
    dates: [
      { label: row.restrictionTier === "scr" ? "SL2 received" : "Referral date", value: record.referralDate },
      { label: "Referral received", value: record.referralReceivedOn },
      { label: "Warm Handover call", value: isoDateFromDb(row.warmHandoverOn) },
      { label: "Initial Assessment (agreed)", value: isoDateFromDb(row.initialAssessmentOn) },
      { label: "UC452 received", value: record.uc452ReceivedOn },
      { label: "UCPR1 received", value: record.ucpr1ReceivedOn },
      { label: "JCP SPoC chased", value: record.spocChasedOn },
      { label: "Welcome call", value: record.welcomeCallOn },
      { label: "First met", value: record.firstMetOn },
      { label: "Anticipated start", value: isoDateFromDb(row.anticipatedStartOn) },
      { label: "Anticipated end", value: isoDateFromDb(row.anticipatedEndOn) },
      { label: "Started", value: record.startedOn },
      { label: "Ended", value: isoDateFromDb(row.endedOn) },
      { label: "Exit notice sent", value: record.exitNoticeSentOn ?? null },
    ],
    clocks: computeClocks(clockFactsFor(record), calendar, clock.today, clock.now, await loadDeadlineSettingsForPages(prisma)).filter((c) => c.state !== "not_applicable" || c.dueOn),
    prapReferrals: row.prapReferrals.map((referral) => ({
      purchaseOrderNumber: referral.purchaseOrderNumber,
      referralId: referral.referralId,
      // In words, never the stored code (docs/decisions/0018-check-answers-before-a-case-is-created.md: readable labels).
      provision: PROVISION_LABELS[referral.provision] ?? referral.provision,
      regime: referral.regime,
      referralDate: isoDateFromDb(referral.referralDate),
      status: PRAP_STATUS_LABELS[referral.status] ?? referral.status,
      prapReason: referral.reason ? PRAP_REASON_LABELS[referral.reason] : null,
    })),
    closureReason: row.closureReason?.label ?? null,
    contacts: row.contacts.map((contact) => ({ role: contact.role, name: contact.name, phone: contact.phone, email: contact.email })),
    assignedCaseworkerId: row.assignedCaseworkerId,
    notes: row.notes.map((note) => ({ id: note.id, authorName: note.author.name, createdAt: note.createdAt.toISOString(), text: note.text })),
    contactAttempts: row.contactAttempts.map((attempt) => ({
      id: attempt.id,
      attemptedAt: attempt.attemptedAt.toISOString(),
      channel: attempt.channel,
      outcome: attempt.outcome,
      note: attempt.note,
    })),
    failedContactAttempts,
    unableToContact: { threshold, prompt: unableToContactPromptFor(row, failedContactAttempts, threshold) },
    welcomeCall: welcomeCallRows(row.welcomeCall),
    timeline: (withTimeline ? events : []).map((event) => ({
      id: String(event.id),
      action: event.action,
      at: event.at.toISOString(),
      actorName: event.actorId ? (actors.get(event.actorId) ?? null) : null,
      detail: CORRECTION_ACTIONS.has(event.action)
        ? correctionSummary((event.before ?? {}) as Record<string, unknown>, (event.after ?? {}) as Record<string, unknown>, event.reason)
        : null,
      ...timelineWording({ action: event.action, entityId: event.entityId ?? "", before: event.before, after: event.after, reason: event.reason }, { users: actors, notes: noteTexts }),
    })),
  };
}

type TimelineRow = { action: string; at: Date; before: Prisma.JsonValue | null; after: Prisma.JsonValue | null; reason: string | null };

function jsonFields(value: Prisma.JsonValue | null): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The step that closed the case (its audit row, `case.<closed state>`): the DEA or Work Coach's answer and the warnings recorded. */
function closureDetailsOf(state: CaseState, events: readonly TimelineRow[]): { key: string; value: string }[] {
  if (!isClosedState(state)) return [];
  const closing = events.find((event) => event.action === `case.${state}`);
  if (!closing) return [];
  const after = jsonFields(closing.after);
  const rows: { key: string; value: string }[] = [];
  if (typeof after.workCoachAgreed === "boolean") {
    const who = typeof after.workCoachName === "string" ? after.workCoachName : "The DEA or Work Coach";
    const on = typeof after.workCoachContactedOn === "string" ? ` (asked ${formatLongDate(after.workCoachContactedOn as IsoDate)})` : "";
    rows.push({ key: "DEA or Work Coach agreement (3.08)", value: `${who} ${after.workCoachAgreed ? "agreed" : "did not agree"}${on}` });
  }
  if (closing.reason) rows.push({ key: "Recorded with the closure", value: closing.reason });
  return rows;
}

function lastTransferOf(events: readonly TimelineRow[]): CaseView["lastTransfer"] {
  const moved = events.find((event) => event.action === "case.transferred");
  if (!moved) return null;
  const site = (value: Prisma.JsonValue | null) => String(jsonFields(value).site ?? "another site");
  return { from: site(moved.before), to: site(moved.after), on: todayInLondon(moved.at) };
}

function optionalDate(value: Date | null): IsoDate | null {
  return value ? isoDateFromDb(value) : null;
}

/** 3.33, 13.62: the personal details the referral captured, in words; "Not recorded" where it said nothing. */
function personalDetailRows(claimant: CaseViewRow["claimant"]): { key: string; value: string }[] {
  const yesNo = (value: boolean | null) => (value === null ? "Not recorded" : value ? "Yes" : "No");
  return [
    // 13.62: that the person is disabled, never what the disability is.
    { key: "Disabled", value: yesNo(claimant.disabled) },
    { key: "Safeguard (vulnerable customer)", value: claimant.vulnerable ? "Yes" : "No" },
    { key: "Welsh language", value: claimant.welshLanguage ? showValue("welshLanguage", claimant.welshLanguage) : "Not recorded" },
    { key: "Childcare", value: claimant.childcareRequirements ?? "None recorded" },
    // 3.33: if Y, ask the customer to disclose their disadvantages.
    {
      key: "Disadvantaged marker",
      value: claimant.disadvantaged === null ? "Not recorded" : claimant.disadvantaged ? "Yes: ask them to disclose their disadvantages (3.33)" : "No",
    },
    ...(claimant.drivingLicence ? [{ key: "Driving licence", value: claimant.drivingLicence }] : []),
    ...(claimant.workSearchReviewAppointment ? [{ key: "Work search review appointment", value: claimant.workSearchReviewAppointment }] : []),
  ];
}

/** Case.welcomeCall (3.07) as summary rows; nothing when no call is recorded. */
function welcomeCallRows(stored: Prisma.JsonValue | null): { key: string; value: string }[] {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return [];
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
  const outcome = text(stored.outcome);
  return [
    { key: "Outcome", value: outcome ? (WELCOME_CALL_OUTCOME_LABELS[outcome as WelcomeCallOutcome] ?? outcome) : "Not recorded" },
    { key: "First day on provision", value: text(stored.firstDayOn) ?? "Not arranged" },
    { key: "Time and place", value: text(stored.firstDayDetails) ?? "Not given" },
    { key: "What to bring and expect", value: text(stored.whatToBring) ?? "Not given" },
    { key: "Reasonable adjustments", value: text(stored.reasonableAdjustments) ?? "None asked for" },
  ];
}

/** The derivation of the case's ruleset in plain words, and the override if there was one. */
function rulesetChoiceOf(row: CaseViewRow): CaseView["rulesetChoice"] {
  const first = row.prapReferrals[0];
  const why = first ? deriveRuleset(isoDateFromDb(first.referralDate) as IsoDate, first.regime as PurchaseOrderRegime).why : null;
  const override = row.rulesetOverrideReason ? { reason: row.rulesetOverrideReason, byName: row.rulesetOverriddenBy?.name ?? null } : null;
  return { why, override };
}
