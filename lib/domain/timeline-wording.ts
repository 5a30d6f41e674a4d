/**
 * The case timeline in plain words (docs/architecture.md "Audit": the timeline is the audit
 * table): each entry says what changed — assigned from whom to whom, which form to which inbox,
 * the contact outcome, the note's text for those allowed to read it, the before and after of a
 * change of circumstances or a transfer — and never shows a raw event name. Pure: the caller
 * passes the event and the names it refers to.
 */
import { formatLongDate, type IsoDate } from "../calendar/iso-date";
import { accessLogActionLabel, restrictionChangeSummary } from "./access-log-labels";
import { CASE_STATE_LABELS, type CaseState } from "./case-states";
import { correctionSummary } from "./corrections/amend";
import { CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS } from "./forms/case-work-forms";
import { ACTION_LABELS, type LifecycleAction } from "./lifecycle/steps";
import { INBOX_LABELS, type Inbox } from "./uc452/template";

export interface TimelineEvent {
  action: string;
  /** The audited record's id (a note's id for "note.added"). */
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface TimelineNames {
  /** Users by id: caseworkers assigned and unassigned. */
  users: ReadonlyMap<string, string>;
  /** A note's text by its id, only for a reader allowed to read notes; otherwise empty. */
  notes: ReadonlyMap<string, string>;
}

export interface TimelineWording {
  title: string;
  /** Sentences saying what changed; empty when the title says it all. */
  details: string[];
}

type Fields = Record<string, unknown>;

const PART_NAMES: Record<string, string> = {
  parts_1_to_4: "parts 1 to 4",
  part_6: "part 6",
  part_7: "part 7",
  part_8a: "part 8a",
  part_8b: "part 8b",
};

/** Labels of the fields a change of circumstances or a transfer can change (before → after). */
export const CHANGED_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  forename: "First name",
  surname: "Last name",
  telephone: "Telephone",
  alternativeTelephone: "Alternative telephone",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  town: "Town or city",
  postcode: "Postcode",
  disabled: "Disabled",
  vulnerable: "Safeguard (vulnerable customer)",
  welshLanguage: "Welsh language",
  childcareRequirements: "Childcare",
  disadvantaged: "Disadvantaged marker",
  site: "Site",
  startDueOn: "Start within 20 working days due",
  meetDueOn: "Meet the potential participant due",
  formsChaseDueOn: "JCP SPoC chase due",
  ucpr1DuplicateDueOn: "Duplicate UCPR1 request due",
  welcomeCallDueOn: "Welcome call due",
  exitNoticeDueOn: "Exit notice due",
};

const WELSH_WORDS: Record<string, string> = { none: "No", written: "Written", spoken: "Spoken", written_and_spoken: "Written and spoken" };

function fieldsOf(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** One value as people read it: dates in words, yes/no, "none" for blank. */
export function showValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (key === "welshLanguage" && typeof value === "string") return WELSH_WORDS[value] ?? value;
  if (isIsoDate(value)) return formatLongDate(value);
  return String(value);
}

/** "Telephone: 01234 → 07700" for each field that differs between before and after. */
export function beforeAfterLines(before: unknown, after: unknown): string[] {
  const from = fieldsOf(before);
  const to = fieldsOf(after);
  return Object.keys(to)
    .filter((key) => key in CHANGED_FIELD_LABELS && JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null))
    .map((key) => `${CHANGED_FIELD_LABELS[key]}: ${showValue(key, from[key])} → ${showValue(key, to[key])}`);
}

function stateLabel(value: unknown): string {
  return typeof value === "string" ? (CASE_STATE_LABELS[value as CaseState] ?? value) : "unknown";
}

function who(id: unknown, names: TimelineNames): string {
  if (typeof id !== "string" || id === "") return "unassigned";
  return names.users.get(id) ?? "a former user";
}

function businessDate(label: string, value: unknown): string[] {
  return isIsoDate(value) ? [`${label} ${formatLongDate(value)}.`] : [];
}

/** The plain-words title and details of one timeline entry. */
export function timelineWording(event: TimelineEvent, names: TimelineNames): TimelineWording {
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  switch (event.action) {
    case "case.created":
      return { title: "Case recorded", details: [] };
    case "case.imported": {
      // The import a case came from (docs/decisions/0023-bulk-import-and-expected-referrals.md).
      const importId = typeof after.importId === "string" ? after.importId : null;
      const row = typeof after.rowNumber === "number" ? after.rowNumber : null;
      return {
        title: "Recorded from a spreadsheet import",
        details: importId ? [`Import ${importId.slice(0, 8)}${row ? `, row ${row}` : ""}.`] : [],
      };
    }
    case "prap_referral.received":
      return {
        title: "PRaP referral recorded",
        details: typeof after.purchaseOrderNumber === "string" ? [`Purchase order ${after.purchaseOrderNumber}.`] : [],
      };
    case "case.assigned":
      return { title: "Caseworker assigned", details: [`From ${who(before.assignedCaseworkerId, names)} to ${who(after.assignedCaseworkerId, names)}.`] };
    case "case.unassigned":
      return { title: "Caseworker removed", details: [`Was ${who(before.assignedCaseworkerId, names)}; now unassigned.`] };
    case "note.added": {
      const text = names.notes.get(event.entityId);
      return { title: "Note added", details: text ? [text] : [] };
    }
    case "contact_attempt.recorded": {
      const channel = CONTACT_CHANNEL_LABELS[after.channel as keyof typeof CONTACT_CHANNEL_LABELS] ?? "Contact";
      const outcome = CONTACT_OUTCOME_LABELS[after.outcome as keyof typeof CONTACT_OUTCOME_LABELS] ?? "outcome not recorded";
      return { title: "Contact attempt logged", details: [`${channel}: ${outcome.charAt(0).toLowerCase()}${outcome.slice(1)}.`, ...businessDate("On", after.businessDate)] };
    }
    case "uc452.emailed": {
      const part = PART_NAMES[String(after.part)] ?? "a part";
      const inbox = INBOX_LABELS[after.inbox as Inbox] ?? "an inbox";
      return {
        title: `UC452 ${part} emailed`,
        details: [`To the ${inbox}${typeof after.recipient === "string" ? ` (${after.recipient})` : ""}.`, ...businessDate("Sent", after.sentOn)],
      };
    }
    case "exit_tracker.sent":
      return {
        title: "Customer Exit Tracker sent",
        details: [...(typeof after.recipient === "string" ? [`To ${after.recipient}.`] : []), ...businessDate("Sent", after.sentOn)],
      };
    case "uc452.received":
      return { title: "UC452 received", details: businessDate("Received", after.uc452ReceivedOn ?? after.receivedOn) };
    case "ucpr1.received":
      return { title: "UCPR1 received", details: businessDate("Received", after.ucpr1ReceivedOn ?? after.receivedOn) };
    case "ucpr1.duplicate_requested":
      return { title: "Duplicate UCPR1 asked of the JCP SPoC", details: businessDate("Asked", after.ucpr1DuplicateRequestedOn ?? after.requestedOn) };
    case "spoc.chased":
      return { title: "JCP SPoC chased for the missing forms", details: businessDate("Chased", after.spocChasedOn ?? after.chasedOn) };
    case "uc452.part6_amended":
      return { title: "UC452 part 6 dates changed", details: [...businessDate("Anticipated start", after.anticipatedStartOn), ...businessDate("Anticipated end", after.anticipatedEndOn)] };
    case "sessro1.sent":
      return { title: "SESSRO1 signed and sent by secure post", details: [] };
    case "sessro1.jcp_receipt_recorded":
      return { title: "JCP’s receipt of the SESSRO1 recorded", details: businessDate("Received", after.jcpReceiptOn) };
    case "case.amended":
    case "case.step_undone":
      return {
        title: event.action === "case.amended" ? "Date corrected (amend with reason)" : "Last step undone (amend with reason)",
        details: [correctionSummary(before, after, event.reason)].filter(Boolean),
      };
    case "case.restriction_changed": {
      const summary = restrictionChangeSummary(event.before, event.after);
      return { title: "Restriction changed", details: [summary, event.reason ? `Reason: ${event.reason}` : null].filter((line): line is string => Boolean(line)) };
    }
    case "case.circumstances_changed":
      return { title: "Contact and personal details changed", details: beforeAfterLines(before, after) };
    case "case.transferred":
      return {
        title: "Transferred to another site",
        details: [...beforeAfterLines(before, after), ...(event.reason ? [`Reason: ${event.reason}`] : [])],
      };
    default:
      break;
  }
  // A lifecycle step: `case.<new state>` (or `case.<action>` when the state stays the same).
  if (typeof after.action === "string" && after.action in ACTION_LABELS) {
    const step = ACTION_LABELS[after.action as LifecycleAction];
    const details: string[] = [];
    if (before.state !== after.state) details.push(`State: ${stateLabel(before.state)} → ${stateLabel(after.state)}.`);
    // 3.08–3.10: the DEA or Work Coach's answer, as recorded with the step.
    if (typeof after.workCoachAgreed === "boolean") {
      const name = typeof after.workCoachName === "string" ? after.workCoachName : "The DEA or Work Coach";
      details.push(`${name} ${after.workCoachAgreed ? "agreed" : "did not agree"}.`);
    }
    if (event.reason) details.push(event.reason);
    return { title: `Step recorded: ${step.charAt(0).toLowerCase()}${step.slice(1)}`, details };
  }
  // Anything else reads as the access log names it (a new action is never hidden).
  const label = accessLogActionLabel(event.action);
  return { title: label.charAt(0).toUpperCase() + label.slice(1), details: [] };
}
