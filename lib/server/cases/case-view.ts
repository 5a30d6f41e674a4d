import { correctionSummary } from "@/lib/domain/corrections/amend";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { CaseState } from "@/lib/domain/case-states";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import { failedAttemptsSinceLastContact, unableToContactPromptFor, type ContactOutcome } from "@/lib/domain/lifecycle/contact-attempts";
import { WELCOME_CALL_OUTCOME_LABELS, type WelcomeCallOutcome } from "@/lib/domain/lifecycle/steps/record-welcome-call";
import { PRAP_REASON_LABELS } from "@/lib/domain/forms/settings-forms";
import { PRAP_STATUS_LABELS, PROVISION_LABELS } from "@/lib/domain/case-labels";
import { loadSettings } from "../reference/load-settings";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { can } from "@/lib/domain/permissions";
import { deriveRuleset } from "@/lib/domain/lifecycle/rulesets";
import type { PurchaseOrderRegime } from "@/lib/domain/identifiers";
import { loadCalendar } from "../reference/load-calendar";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
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
  };
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
  /** `detail`: a correction's before → after and reason (docs/rules/states.md: corrections). */
  timeline: { id: string; action: string; at: string; actorName: string | null; detail: string | null }[];
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
    select: { title: true, forename: true, surname: true, nino: true, telephone: true, alternativeTelephone: true, addressLine1: true, addressLine2: true, town: true, postcode: true },
  },
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

/** The view of a case already loaded through the visibility rule: with its timeline and clocks. */
export async function caseViewOf(prisma: PrismaClient, actor: UseCaseActor, row: CaseViewRow, clock: { today: IsoDate; now: Date }): Promise<CaseView> {
  const events = await prisma.auditEvent.findMany({
    // The MAPPA annex is the nominated officer's alone (13.69): its entries stay off everyone else's timeline.
    where: { caseId: row.id, restrictedRead: false, ...(can(actor.roles, "read:restricted-case:any") ? {} : { NOT: RESTRICTED_TIMELINE_ACTIONS }) },
    orderBy: { at: "desc" },
    take: 100,
    select: { id: true, action: true, at: true, actorId: true, before: true, after: true, reason: true },
  });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const calendar = await loadCalendar(prisma);
  const failedContactAttempts = failedAttemptsSinceLastContact(row.contactAttempts.map((attempt) => attempt.outcome as ContactOutcome).reverse());
  const threshold = (await loadSettings(prisma, ["contact.unableToContactAttempts"]))["contact.unableToContactAttempts"];
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
    },
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
    clocks: computeClocks(clockFactsFor(record), calendar, clock.today, clock.now, await loadDeadlineSettings(prisma)).filter((c) => c.state !== "not_applicable" || c.dueOn),
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
    timeline: events.map((event) => ({
      id: String(event.id),
      action: event.action,
      at: event.at.toISOString(),
      actorName: event.actorId ? (actors.get(event.actorId) ?? null) : null,
      detail: CORRECTION_ACTIONS.has(event.action)
        ? correctionSummary((event.before ?? {}) as Record<string, unknown>, (event.after ?? {}) as Record<string, unknown>, event.reason)
        : null,
    })),
  };
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
