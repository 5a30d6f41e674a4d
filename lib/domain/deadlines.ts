/**
 * Every SES deadline ("clock") for a case, derived from the case's events, never typed in
 * (docs/architecture.md, "Deadlines are derived from events"; docs/rules/clocks.md). ONE table
 * of rules (DEADLINE_RULES), each citing its guidance paragraph, and pure functions over it:
 * - computeDueDates: what is stored on the case for indexed dashboard queries (no "today");
 * - computeClocks: each clock's state today, with a plain-English "why this date".
 *
 * Working days are those of the nation where the provision is delivered; day 0 (the start
 * date itself) is not counted unless the stricter-reading setting is on
 * (docs/rules/decisions.md: day 0).
 */
import { addHours, differenceInHours, differenceInMinutes, isBefore } from "date-fns";
import { formatIsoDate, formatLongDate, parseIsoDate, todayInLondon, type IsoDate } from "../calendar/iso-date";
import { nationDisplayName, type Nation } from "../calendar/nations";
// Types only: this module stays free of the bank-holiday data, so the presentation layer can
// import it without bundling the calendar; callers pass the calendar in.
import type { WorkingDayCalendar, WorkingDayExplanation } from "../calendar/working-day-calendar";
import { BACK_OUT_DUE_SOON_HOURS } from "./urgency";
import { listInEnglish, plural } from "./wording";

/**
 * The generations of the guidance a case can follow (docs/rules/rulesets.md). Which one a PRaP
 * referral gets is decided by its referral date and purchase order (lib/domain/lifecycle/rulesets.ts,
 * RULESET_PERIODS); there is no non-UC two-stage ruleset (docs/decisions/0009-rulesets-by-referral-date.md).
 */
export type Ruleset = "ses_2016_uc" | "ses_2017";
export type ClockId = "forms_chase" | "ucpr1_duplicate" | "welcome_call" | "meet_participant" | "start" | "back_out_cancel" | "exit_notice";
export type ClockState =
  | "not_applicable"
  | "not_yet_due"
  | "due_soon"
  | "due_today"
  | "overdue"
  | "met_on_time"
  | "met_late"
  /** The case closed and the clock was never met (3.07: a case closed without a welcome call). */
  | "not_met"
  /** The moment for it passed unmet and it no longer runs (3.07: started with no welcome call). */
  | "missed";

export interface DeadlineSettings {
  /** A clock is "due soon" when this many working days or fewer remain (default 3). */
  dueSoonWorkingDays: number;
  /**
   * Default false: day 0 (the start date) is not counted, so "within N working days" means
   * by the N-th working day after it. True: the stricter reading, where the start date counts
   * as day 1 when it is a working day, so each clock falls due one working day earlier.
   */
  countDayZero: boolean;
  /** Working days after the exit date by which the exit notice is sent (setting exit.noticeWorkingDays, default 2). */
  exitNoticeWorkingDays: number;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = { dueSoonWorkingDays: 3, countDayZero: false, exitNoticeWorkingDays: 2 };

export interface CaseClockFacts {
  ruleset: Ruleset;
  nation: Nation;
  /** Business date the (first/IA) referral was made, 13.61; for SCR cases the date the SL2 was received. */
  referralDate: IsoDate | null;
  /** Date the provider received the PRaP referral (13.17, 13.67). */
  referralReceivedOn: IsoDate | null;
  uc452ReceivedOn: IsoDate | null;
  ucpr1ReceivedOn: IsoDate | null;
  /** The JCP SPoC contacted about the missing UC452/UCPR1 (13.14). */
  spocChasedOn: IsoDate | null;
  /** A duplicate UCPR1 asked of the JCP SPoC (13.67). */
  ucpr1DuplicateRequestedOn: IsoDate | null;
  welcomeCallOn: IsoDate | null;
  /** First meeting / Initial Assessment held. */
  firstMetOn: IsoDate | null;
  startedOn: IsoDate | null;
  /** The exit date: actual end (part 8b, 3.16) or early leaving date (part 8a, 3.16). */
  endedOn?: IsoDate | null;
  /** The exit notice (UC452 part 8a/8b to the UC Service Centre; Customer Exit Tracker to the DEA/Work Coach) sent. */
  exitNoticeSentOn?: IsoDate | null;
  /** ISO instant (with Z or an offset) of POST's back-out email, 13.35, 3.15. */
  backOutEmailAt: string | null;
  /** ISO instant the referral was cancelled in PRaP. */
  cancelledAt: string | null;
  /** Case ended (rejected, cancelled, not suitable, completed, left early…): open clocks stop. */
  closed: boolean;
  /** SCR clerical: no UCPR1 chase, no PRaP; the 20-day start clock runs from the SL2 received date. */
  isScr: boolean;
}

export interface Clock {
  id: ClockId;
  label: string;
  paragraphs: string[];
  dueOn: IsoDate | null;
  /** Only for back_out_cancel: the instant it falls due. */
  dueAt: string | null;
  state: ClockState;
  metOn: IsoDate | null;
  /** Working days from today to dueOn; negative when overdue; null when not open or not in working days. */
  workingDaysRemaining: number | null;
  /**
   * Plain-English lines: the start date, the rule, weekends and named bank holidays skipped, the
   * result. Empty when the clock was computed for a list (computeClocks' `explain: false`).
   */
  explanation: string[];
  /** True when the due date was counted through a year whose bank holidays are not loaded. */
  provisional: boolean;
}

export interface StoredDueDates {
  /** 13.14: the forms chase, from the referral date. */
  formsChaseDueOn: IsoDate | null;
  /** 13.67: the UCPR1 duplicate request, from the date the PRaP referral was received. */
  ucpr1DuplicateDueOn: IsoDate | null;
  welcomeCallDueOn: IsoDate | null;
  meetDueOn: IsoDate | null;
  startDueOn: IsoDate | null;
  cancelDueAt: string | null;
  exitNoticeDueOn: IsoDate | null;
  /** Earliest dueOn among clocks still open (not met, case not closed). */
  nextDeadlineOn: IsoDate | null;
}

type DateFact =
  | "referralDate"
  | "referralReceivedOn"
  | "uc452ReceivedOn"
  | "ucpr1ReceivedOn"
  | "spocChasedOn"
  | "ucpr1DuplicateRequestedOn"
  | "welcomeCallOn"
  | "firstMetOn"
  | "startedOn"
  | "endedOn"
  | "exitNoticeSentOn";
type InstantFact = "backOutEmailAt" | "cancelledAt";

/** Where a clock starts. */
export type DeadlineStart =
  /** The first of these dates that is recorded: a preference with fallbacks. */
  | { kind: "first_recorded_date"; facts: readonly DateFact[] }
  | { kind: "instant"; fact: InstantFact };

export type DeadlinePeriod =
  | { unit: "working_days"; amount: number; /** An administrator's setting replaces the amount. */ setting?: "exitNoticeWorkingDays" }
  | { unit: "clock_hours"; amount: number };

/** What meets a clock. */
export type DeadlineMet =
  /** Met on the earliest date by which every fact of any one alternative is recorded. */
  | { kind: "dates"; anyOf: readonly { facts: readonly DateFact[]; description: string }[] }
  | { kind: "instant"; fact: InstantFact; description: string };

export interface DeadlineRule {
  id: ClockId;
  label: string;
  /** Guidance paragraphs: Ch13 (13.x, 2016) and Ch3 (3.x, 2017). */
  paragraphs: readonly string[];
  /** The plain-English rule, completing "Rule (13.13): …". */
  rule: string;
  rulesets: readonly Ruleset[];
  /** SCR cases are clerical: no PRaP, so no UCPR1 chase and no PRaP back-out (13.53, 13.74). */
  appliesToScr: boolean;
  start: DeadlineStart;
  period: DeadlinePeriod;
  met: DeadlineMet;
  /**
   * What a clock shows when it was never met and no longer runs. `missedOnceRecorded`: the clock
   * stops, "missed", once this fact is recorded (3.07: the welcome call comes before the first day,
   * so a started case without one has missed it, it is not overdue forever). `closedUnmet`: the
   * state when the case closes first ("not_met" for a clock the provider owed whatever happened next).
   */
  missedOnceRecorded?: DateFact;
  closedUnmet?: "not_met";
  /** The clock runs after the case closes: it starts at the exit (the exit notice, 3.16, 13.21). */
  runsAfterClose?: boolean;
}

/**
 * 13.35, 3.15: once POST emails that the referral is backed out, cancel it in PRaP within 24 hours;
 * clock hours from the email's timestamp (docs/rules/decisions.md). The lifecycle's late-cancellation
 * flag reads the same window.
 */
export const BACK_OUT_CANCEL_HOURS = 24;

const CH13_RULESETS: readonly Ruleset[] = ["ses_2016_uc"];
const ALL_RULESETS: readonly Ruleset[] = ["ses_2016_uc", "ses_2017"];

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: "forms_chase",
    label: "Chase the JCP SPoC if the UC452 or UCPR1 has not arrived",
    // 13.14: "If the UC452 and UCPR1 have not been received by the 4th working day from the date
    // of referral", contact the JCP SPoC. Counted from the referral date, never from the date it
    // was received: the "later of the two dates" merge is withdrawn (docs/rules/clocks.md,
    // docs/rules/decisions.md: two clocks). 13.67 is its own clock below.
    paragraphs: ["13.14"],
    rule: "if the UC452 and UCPR1 have not both arrived by the 4th working day from the date of referral, contact the JCP SPoC",
    // 13.08: the Work Coach completes a UCPR1 "for each UC referral" — not for other benefits.
    rulesets: ["ses_2016_uc"],
    appliesToScr: false,
    start: { kind: "first_recorded_date", facts: ["referralDate"] },
    period: { unit: "working_days", amount: 4 },
    met: {
      kind: "dates",
      anyOf: [
        { facts: ["uc452ReceivedOn", "ucpr1ReceivedOn"], description: "UC452 and UCPR1 both received" },
        { facts: ["spocChasedOn"], description: "JCP SPoC contacted" },
      ],
    },
  },
  {
    id: "ucpr1_duplicate",
    label: "Ask the JCP SPoC for a duplicate UCPR1",
    // 13.67: "If the UCPR1 is not received within 4 working days of receiving the PRaP referral",
    // ask the JCP SPoC for a duplicate, which is posted the same day. Counted from the date the
    // PRaP referral was received (docs/rules/clocks.md).
    paragraphs: ["13.67"],
    rule: "if the UCPR1 has not arrived within 4 working days of receiving the PRaP referral, ask the JCP SPoC for a duplicate, which they post the same day",
    rulesets: ["ses_2016_uc"],
    appliesToScr: false,
    start: { kind: "first_recorded_date", facts: ["referralReceivedOn"] },
    period: { unit: "working_days", amount: 4 },
    met: {
      kind: "dates",
      anyOf: [
        { facts: ["ucpr1ReceivedOn"], description: "UCPR1 received" },
        { facts: ["ucpr1DuplicateRequestedOn"], description: "duplicate UCPR1 requested" },
      ],
    },
  },
  {
    id: "welcome_call",
    label: "Welcome call",
    // 3.07: good practice, a welcome call within 5 working days from the date of referral.
    paragraphs: ["3.07"],
    rule: "good practice is a welcome call within 5 working days of the referral, arranging the first day on provision and any special needs",
    rulesets: ["ses_2017"],
    // An SCR case is clerical (3.31, 3.40): nominated officers, no PRaP referral to welcome from.
    appliesToScr: false,
    start: { kind: "first_recorded_date", facts: ["referralDate"] },
    period: { unit: "working_days", amount: 5 },
    met: { kind: "dates", anyOf: [{ facts: ["welcomeCallOn"], description: "welcome call made" }] },
    // docs/rules/clocks.md "Welcome call". 3.07: the call arranges the first day, so once the customer has started without one it is
    // missed (not overdue forever); a case closed without one did not meet it (never "not applicable").
    missedOnceRecorded: "startedOn",
    closedUnmet: "not_met",
  },
  {
    id: "meet_participant",
    label: "Meet the potential participant",
    // 13.17: meet every potential participant within ten working days of receiving a referral,
    // UCPR1 or not: counted from the date the referral was received, which the intake asks for
    // explicitly (never the keying day). Falls back to the referral date only for a record that
    // has no receipt date (an SCR case, whose SL2 received date is its referralDate).
    paragraphs: ["13.17"],
    rule: "meet every potential participant within 10 working days of receiving the referral, even if the UCPR1 has not arrived",
    rulesets: CH13_RULESETS,
    appliesToScr: true,
    start: { kind: "first_recorded_date", facts: ["referralReceivedOn", "referralDate"] },
    period: { unit: "working_days", amount: 10 },
    met: { kind: "dates", anyOf: [{ facts: ["firstMetOn"], description: "first meeting held" }] },
  },
  {
    id: "start",
    label: "Start on provision",
    // 13.13: start within 20 working days of the referral for the Initial Assessment.
    // 3.07: start within 20 working days from the date the customer is referred (contractual).
    // SCR (docs/rules/decisions.md: SCR record and clock): from the date the SL2 was received,
    // passed as referralDate.
    paragraphs: ["13.13", "3.07"],
    rule: "start fully on provision within 20 working days of the referral (the contractual target)",
    rulesets: ALL_RULESETS,
    appliesToScr: true,
    start: { kind: "first_recorded_date", facts: ["referralDate"] },
    period: { unit: "working_days", amount: 20 },
    met: { kind: "dates", anyOf: [{ facts: ["startedOn"], description: "started on provision" }] },
  },
  {
    id: "back_out_cancel",
    label: "Cancel in PRaP after POST’s back-out email",
    // 13.35, 3.15: once POST emails that the referral is backed out, cancel it in PRaP within
    // 24 hours ("Did Not Start"). docs/rules/decisions.md (24 clock hours): from the email's timestamp.
    paragraphs: ["13.35", "3.15"],
    rule: "cancel the referral in PRaP within 24 hours of POST’s email, with the reason ‘Did Not Start’; these are clock hours, not working days",
    rulesets: ALL_RULESETS,
    appliesToScr: false,
    start: { kind: "instant", fact: "backOutEmailAt" },
    period: { unit: "clock_hours", amount: BACK_OUT_CANCEL_HOURS },
    met: { kind: "instant", fact: "cancelledAt", description: "cancelled in PRaP" },
  },
  {
    id: "exit_notice",
    label: "Send the exit notice",
    // 3.16: the Customer Exit Tracker, to the DEA/Work Coach whose details were taken at the Warm
    // Handover (3.05). 13.21 note, 13.36, 13.37: UC452 part 8a or 8b to the UC Service Centre.
    // The guidance sets no period: the administrator's setting exit.noticeWorkingDays (default 2).
    // docs/rules/clocks.md "Exit notice"; docs/decisions/0010-steps-that-record-an-event-and-exit-notices.md.
    paragraphs: ["13.21", "13.36", "13.37", "3.05", "3.16"],
    rule: "send the exit notice (UC452 part 8a or 8b to the UC Service Centre; the Customer Exit Tracker to the DEA/Work Coach) within the working days set by the administrator after the exit date",
    rulesets: ["ses_2016_uc", "ses_2017"],
    appliesToScr: false,
    start: { kind: "first_recorded_date", facts: ["endedOn"] },
    period: { unit: "working_days", amount: 2, setting: "exitNoticeWorkingDays" },
    met: { kind: "dates", anyOf: [{ facts: ["exitNoticeSentOn"], description: "exit notice sent" }] },
    runsAfterClose: true,
  },
];

const RULESET_NAMES: Readonly<Record<Ruleset, string>> = {
  ses_2016_uc: "2016 Universal Credit (Chapter 13)",
  ses_2017: "2017 single-referral (Chapter 3)",
};


function describeFact(fact: DateFact, facts: CaseClockFacts): string {
  switch (fact) {
    case "referralDate":
      return facts.isScr ? "the date the SL2 was received" : "the referral date";
    case "referralReceivedOn":
      return "the date the PRaP referral was received";
    case "uc452ReceivedOn":
      return "the date the UC452 was received";
    case "ucpr1ReceivedOn":
      return "the date the UCPR1 was received";
    case "spocChasedOn":
      return "the date the JCP SPoC was chased";
    case "ucpr1DuplicateRequestedOn":
      return "the date a duplicate UCPR1 was requested";
    case "welcomeCallOn":
      return "the date of the welcome call";
    case "firstMetOn":
      return "the date of the first meeting";
    case "startedOn":
      return "the start date";
    case "endedOn":
      return "the exit date";
    case "exitNoticeSentOn":
      return "the date the exit notice was sent";
  }
}

function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** A recorded date, validated: a malformed one throws a TypeError naming the value. */
function checkedDate(value: IsoDate | null | undefined): IsoDate | null {
  if (value === undefined || value === null) return null;
  parseIsoDate(value);
  return value;
}

/** Milliseconds since the epoch of an ISO instant that states its offset (Z or ±hh:mm). */
function parseInstant(value: string, name: string): number {
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new TypeError(`${name} must be an ISO instant with a time zone (Z or ±hh:mm), got ${JSON.stringify(value)}`);
  }
  return ms;
}

let londonTimeFormat: Intl.DateTimeFormat | undefined;

/** The UK wall-clock time of an instant, GOV.UK style: "10am", "5:30pm", "midday", "midnight". */
function londonTime(ms: number): string {
  londonTimeFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  let hour = 0;
  let minute = 0;
  for (const part of londonTimeFormat.formatToParts(new Date(ms))) {
    if (part.type === "hour") hour = Number(part.value);
    else if (part.type === "minute") minute = Number(part.value);
  }
  if (minute === 0 && hour === 0) return "midnight";
  if (minute === 0 && hour === 12) return "midday";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}${minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`}${hour < 12 ? "am" : "pm"}`;
}

/** GOV.UK-style UK time of an ISO instant ("10am", "5:30pm"): the back-out clock's tag text. */
export function ukTimeOfInstant(instant: string): string {
  return londonTime(parseInstant(instant, "instant"));
}

function describeInstant(ms: number): string {
  return `${londonTime(ms)} on ${formatLongDate(todayInLondon(new Date(ms)))} (UK time)`;
}

function resolveSettings(settings: Partial<DeadlineSettings> | undefined): DeadlineSettings {
  const resolved = { ...DEFAULT_DEADLINE_SETTINGS, ...settings };
  if (!Number.isSafeInteger(resolved.dueSoonWorkingDays) || resolved.dueSoonWorkingDays < 0) {
    throw new RangeError(`dueSoonWorkingDays must be a whole number ≥ 0, got ${String(resolved.dueSoonWorkingDays)}`);
  }
  return resolved;
}

/** The chapter a ruleset follows decides which paragraphs a clock cites. */
function paragraphsFor(rule: DeadlineRule, ruleset: Ruleset): string[] {
  const prefix = ruleset === "ses_2017" ? "3." : "13.";
  const cited = rule.paragraphs.filter((paragraph) => paragraph.startsWith(prefix));
  return cited.length > 0 ? cited : [...rule.paragraphs];
}

/** How one rule comes out for one case, before "today" is considered. */
type Evaluation =
  | { kind: "not_applicable"; reason: string }
  | {
      kind: "working_days";
      dueOn: IsoDate;
      metOn: IsoDate | null;
      metDescription: string | null;
      provisional: boolean;
      lines: string[];
    }
  | {
      kind: "clock_hours";
      dueOn: IsoDate;
      dueMs: number;
      metMs: number | null;
      metDescription: string;
      lines: string[];
    };

function resolveStart(
  start: Extract<DeadlineStart, { kind: "first_recorded_date" }>,
  facts: CaseClockFacts,
): { date: IsoDate; description: string } | null {
  const recorded = start.facts
    .map((fact) => ({ fact, date: checkedDate(facts[fact]) }))
    .filter((entry): entry is { fact: DateFact; date: IsoDate } => entry.date !== null);
  if (recorded.length === 0) return null;
  const chosen = recorded[0];
  const missing = start.facts.slice(0, start.facts.indexOf(chosen.fact));
  const because =
    missing.length > 0 ? `, because ${listInEnglish(missing.map((fact) => describeFact(fact, facts)))} is not recorded` : "";
  return { date: chosen.date, description: `${describeFact(chosen.fact, facts)}${because}` };
}

function resolveMetOn(met: Extract<DeadlineMet, { kind: "dates" }>, facts: CaseClockFacts) {
  let best: { date: IsoDate; description: string } | null = null;
  for (const alternative of met.anyOf) {
    const dates = alternative.facts.map((fact) => checkedDate(facts[fact]));
    if (dates.some((date) => date === null)) continue;
    const complete = (dates as IsoDate[]).reduce((a, b) => (b > a ? b : a));
    if (best === null || complete < best.date) best = { date: complete, description: alternative.description };
  }
  return best;
}

function skippedLine(explained: WorkingDayExplanation, nation: Nation): string {
  const weekends = plural(explained.skippedWeekendDays, "weekend day");
  if (explained.skippedHolidays.length === 0) {
    return `Skipped ${weekends}; no ${nationDisplayName(nation)} bank holidays fell in between.`;
  }
  const named = explained.skippedHolidays.map(
    (holiday) => `${holiday.title} (${formatLongDate(holiday.date)}${holiday.computed ? ", computed" : ""})`,
  );
  const holidays = plural(explained.skippedHolidays.length, `${nationDisplayName(nation)} bank holiday`);
  return `Skipped ${weekends} and ${holidays}: ${listInEnglish(named)}.`;
}

const COMPUTED_HOLIDAY_NOTE =
  "Bank holidays marked computed were worked out from the statutory rules, not copied from GOV.UK; an administrator should confirm them.";

function evaluateWorkingDays(
  rule: DeadlineRule,
  period: Extract<DeadlinePeriod, { unit: "working_days" }>,
  facts: CaseClockFacts,
  calendar: WorkingDayCalendar,
  settings: DeadlineSettings,
  explain: boolean,
): Evaluation {
  if (rule.start.kind === "instant" || rule.met.kind === "instant") {
    throw new TypeError(`Rule ${rule.id}: a working-day clock needs date facts`);
  }
  const start = resolveStart(rule.start, facts);
  if (start === null) {
    if (!explain) return NOT_APPLICABLE_UNEXPLAINED;
    const needed = listInEnglish(
      rule.start.facts.map((fact) => describeFact(fact, facts)),
      "or",
    );
    return { kind: "not_applicable", reason: `This clock starts when ${needed} is recorded.` };
  }
  const { nation } = facts;
  const startIsWorkingDay = calendar.isWorkingDay(start.date, nation);
  // Stricter reading: counting the start date as day 1 is counting from the calendar day before
  // it. On a non-working start date both readings agree.
  const strict = settings.countDayZero && startIsWorkingDay;
  const countFrom = strict ? formatIsoDate(parseIsoDate(start.date) - 1) : start.date;
  const amount = period.setting ? settings[period.setting] : period.amount;
  const explained = calendar.explainAddWorkingDays(countFrom, amount, nation);
  const startYear = Number(start.date.slice(0, 4));
  const uncoveredYears = explained.uncoveredYears.filter((year) => year >= startYear);
  const dueOn = explained.result;
  const met = resolveMetOn(rule.met, facts);
  const evaluation = {
    kind: "working_days" as const,
    dueOn,
    metOn: met?.date ?? null,
    metDescription: met?.description ?? null,
    provisional: uncoveredYears.length > 0,
    lines: [] as string[],
  };
  if (!explain) return evaluation;

  const cited = paragraphsFor(rule, facts.ruleset).join(", ");
  const lines = evaluation.lines;
  lines.push(`Counted from ${formatLongDate(start.date)}, ${start.description}.`);
  if (!startIsWorkingDay) {
    lines.push(`That is not a working day in ${nationDisplayName(nation)}, so day 1 is the next working day.`);
  }
  lines.push(
    strict
      ? `Rule (${cited}): ${rule.rule}. Stricter reading (setting): the start date counts as day 1, so this is due on the ${ordinal(amount)} working day counting from it.`
      : `Rule (${cited}): ${rule.rule}. The start date is day 0 and is not counted, so this is due on the ${ordinal(amount)} working day after it.`,
  );
  lines.push(skippedLine(explained, nation));
  if (explained.skippedHolidays.some((holiday) => holiday.computed)) lines.push(COMPUTED_HOLIDAY_NOTE);
  lines.push(`Due by ${formatLongDate(dueOn)} (${nationDisplayName(nation)} calendar).`);
  if (uncoveredYears.length > 0) {
    lines.push(
      `Provisional: ${nationDisplayName(nation)} bank holidays for ${listInEnglish(uncoveredYears.map(String))} are not loaded, so only weekends were skipped there. This date may move once an administrator adds them.`,
    );
  }
  return evaluation;
}

function evaluateClockHours(
  rule: DeadlineRule,
  period: Extract<DeadlinePeriod, { unit: "clock_hours" }>,
  facts: CaseClockFacts,
  explain: boolean,
): Evaluation {
  if (rule.start.kind !== "instant" || rule.met.kind !== "instant") {
    throw new TypeError(`Rule ${rule.id}: a clock-hours clock needs instant facts`);
  }
  const startValue = facts[rule.start.fact];
  if (startValue === null) {
    return { kind: "not_applicable", reason: "This clock starts when POST’s back-out email is recorded." };
  }
  const startMs = parseInstant(startValue, rule.start.fact);
  // Elapsed hours, so a BST change in between moves the wall-clock time, not the duration.
  const dueMs = addHours(startMs, period.amount).getTime();
  const metValue = facts[rule.met.fact];
  const metMs = metValue === null ? null : parseInstant(metValue, rule.met.fact);
  const dueOn = todayInLondon(new Date(dueMs));
  if (!explain) return { kind: "clock_hours", dueOn, dueMs, metMs, metDescription: rule.met.description, lines: [] };
  const cited = paragraphsFor(rule, facts.ruleset).join(", ");
  const lines = [
    `POST’s back-out email arrived at ${describeInstant(startMs)}.`,
    `Rule (${cited}): ${rule.rule}.`,
    `Due by ${describeInstant(dueMs)}.`,
  ];
  const startWallClock = londonTime(startMs);
  const dueWallClock = londonTime(dueMs);
  if (startWallClock !== dueWallClock) {
    lines.push(
      `The UK clocks changed in between, so 24 hours later reads ${dueWallClock} rather than ${startWallClock}.`,
    );
  }
  return {
    kind: "clock_hours",
    dueOn,
    dueMs,
    metMs,
    metDescription: rule.met.description,
    lines,
  };
}

/** A clock that does not apply, computed for a list: its reason is never shown there. */
const NOT_APPLICABLE_UNEXPLAINED: Evaluation = { kind: "not_applicable", reason: "" };

function evaluate(
  rule: DeadlineRule,
  facts: CaseClockFacts,
  calendar: WorkingDayCalendar,
  settings: DeadlineSettings,
  explain: boolean,
): Evaluation {
  if (!rule.rulesets.includes(facts.ruleset)) {
    return explain ? { kind: "not_applicable", reason: `This clock does not apply to ${RULESET_NAMES[facts.ruleset]} cases.` } : NOT_APPLICABLE_UNEXPLAINED;
  }
  if (facts.isScr && !rule.appliesToScr) {
    return explain ? { kind: "not_applicable", reason: "This clock does not apply to a clerical SCR case (no PRaP referral)." } : NOT_APPLICABLE_UNEXPLAINED;
  }
  return rule.period.unit === "working_days"
    ? evaluateWorkingDays(rule, rule.period, facts, calendar, settings, explain)
    : evaluateClockHours(rule, rule.period, facts, explain);
}

function isOpen(rule: DeadlineRule, evaluation: Evaluation, facts: CaseClockFacts): boolean {
  if (evaluation.kind === "not_applicable" || (facts.closed && !rule.runsAfterClose)) return false;
  if (evaluation.kind === "working_days" && rule.missedOnceRecorded && (facts[rule.missedOnceRecorded] ?? null) !== null) return false;
  return evaluation.kind === "working_days" ? evaluation.metOn === null : evaluation.metMs === null;
}

function clockFor(
  rule: DeadlineRule,
  evaluation: Evaluation,
  facts: CaseClockFacts,
  calendar: WorkingDayCalendar,
  today: IsoDate,
  nowMs: number,
  settings: DeadlineSettings,
  explain: boolean,
): Clock {
  // Each clock is written out as one literal, never `{ ...shared, more }`: in Node 20's V8 each property
  // after a leading spread costs about 1 µs, which made the queue's 25 rows of clocks ~1.5 ms a page
  // (docs/decisions/0037-clocks-for-lists-and-import-chunks.md).
  const { id, label } = rule;
  const paragraphs = paragraphsFor(rule, facts.ruleset);
  if (evaluation.kind === "not_applicable") {
    return {
      id,
      label,
      paragraphs,
      dueOn: null,
      dueAt: null,
      state: "not_applicable",
      metOn: null,
      workingDaysRemaining: null,
      explanation: explain ? [evaluation.reason] : [],
      provisional: false,
    };
  }
  const closedLine = "The case is closed, so this clock has stopped.";

  if (evaluation.kind === "clock_hours") {
    const dueAt = new Date(evaluation.dueMs).toISOString();
    const lines = [...evaluation.lines];
    let state: ClockState;
    let metOn: IsoDate | null = null;
    if (evaluation.metMs !== null) {
      metOn = todayInLondon(new Date(evaluation.metMs));
      state = evaluation.metMs <= evaluation.dueMs ? "met_on_time" : "met_late";
      if (explain) {
        const late = state === "met_late" ? `, ${plural(differenceInHours(evaluation.metMs, evaluation.dueMs, { roundingMethod: "ceil" }), "hour")} late` : ", on time";
        lines.push(`Met: ${evaluation.metDescription} at ${describeInstant(evaluation.metMs)}${late}.`);
      }
    } else if (facts.closed) {
      state = "not_applicable";
      if (explain) lines.push(closedLine);
    } else if (nowMs > evaluation.dueMs) {
      state = "overdue";
      if (explain) lines.push(`Overdue: the 24 hours ran out at ${describeInstant(evaluation.dueMs)}.`);
    } else {
      state = isBefore(evaluation.dueMs, addHours(nowMs, BACK_OUT_DUE_SOON_HOURS)) ? "due_soon" : "not_yet_due";
      const minutesLeft = differenceInMinutes(evaluation.dueMs, nowMs);
      const hours = Math.floor(minutesLeft / 60);
      const minutes = minutesLeft % 60;
      const parts = [hours > 0 ? plural(hours, "hour") : "", minutes > 0 || hours === 0 ? plural(minutes, "minute") : ""];
      if (explain) lines.push(`${parts.filter((part) => part !== "").join(" and ")} left.`);
    }
    return {
      id,
      label,
      paragraphs,
      dueOn: evaluation.dueOn,
      dueAt,
      state,
      metOn,
      workingDaysRemaining: null,
      explanation: lines,
      provisional: false,
    };
  }

  const { dueOn } = evaluation;
  const lines = [...evaluation.lines];
  let state: ClockState;
  let workingDaysRemaining: number | null = null;
  if (evaluation.metOn !== null) {
    state = evaluation.metOn <= dueOn ? "met_on_time" : "met_late";
    if (explain) {
      const late = calendar.workingDaysBetween(dueOn, evaluation.metOn, facts.nation);
      const howLate = state === "met_late" ? `${plural(Math.max(late, 1), "working day")} late` : "on time";
      lines.push(`Met: ${evaluation.metDescription} on ${formatLongDate(evaluation.metOn)}, ${howLate}.`);
    }
  } else if (rule.missedOnceRecorded && (facts[rule.missedOnceRecorded] ?? null) !== null) {
    state = "missed";
    if (explain) lines.push(`Missed: not recorded before ${describeFact(rule.missedOnceRecorded, facts)} (${formatLongDate(facts[rule.missedOnceRecorded] as IsoDate)}), so this clock has stopped.`);
  } else if (facts.closed && !rule.runsAfterClose) {
    state = rule.closedUnmet ?? "not_applicable";
    if (explain) lines.push(state === "not_met" ? "Not met: the case closed without it." : closedLine);
  } else {
    workingDaysRemaining = calendar.workingDaysBetween(today, dueOn, facts.nation);
    if (today > dueOn) {
      state = "overdue";
      if (explain) lines.push(`Overdue by ${plural(-workingDaysRemaining, "working day")} today (${formatLongDate(today)}).`);
    } else if (today === dueOn) {
      state = "due_today";
      if (explain) lines.push("Due today.");
    } else {
      state = workingDaysRemaining <= settings.dueSoonWorkingDays ? "due_soon" : "not_yet_due";
      if (explain) lines.push(`${plural(workingDaysRemaining, "working day")} left after today (${formatLongDate(today)}).`);
    }
  }
  return {
    id,
    label,
    paragraphs,
    dueOn,
    dueAt: null,
    state,
    metOn: evaluation.metOn,
    workingDaysRemaining,
    explanation: lines,
    provisional: evaluation.provisional,
  };
}

function evaluateAll(facts: CaseClockFacts, calendar: WorkingDayCalendar, settings: DeadlineSettings, explain: boolean) {
  return DEADLINE_RULES.map((rule) => ({ rule, evaluation: evaluate(rule, facts, calendar, settings, explain) }));
}

/**
 * Every clock for the case, in DEADLINE_RULES order, with its state on `today` (and at `now`).
 * `explain: false` is for the lists (the work queue, the restricted queue, "My cases due"), which
 * show a clock's state and due date but never its explanation: the same clocks, with their lines
 * (and a clock's reason for not applying) left unwritten, which is most of the work per row.
 */
export function computeClocks(
  facts: CaseClockFacts,
  calendar: WorkingDayCalendar,
  today: IsoDate,
  now: Date,
  settings?: Partial<DeadlineSettings>,
  options: { explain?: boolean } = {},
): Clock[] {
  const explain = options.explain ?? true;
  const resolved = resolveSettings(settings);
  parseIsoDate(today);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new TypeError("computeClocks needs a valid `now`");
  return evaluateAll(facts, calendar, resolved, explain).map(({ rule, evaluation }) =>
    clockFor(rule, evaluation, facts, calendar, today, nowMs, resolved, explain),
  );
}

/**
 * The due dates stored on the case for dashboard queries; independent of today, so they only
 * change when an event or the calendar changes. Due dates of met clocks are kept (reports of
 * on-time performance); nextDeadlineOn considers only clocks still open.
 */
export function computeDueDates(
  facts: CaseClockFacts,
  calendar: WorkingDayCalendar,
  settings?: Partial<DeadlineSettings>,
): StoredDueDates {
  const evaluations = evaluateAll(facts, calendar, resolveSettings(settings), false);
  const dueOnOf = (id: ClockId): IsoDate | null => {
    const found = evaluations.find((entry) => entry.rule.id === id)?.evaluation;
    return found && found.kind !== "not_applicable" ? found.dueOn : null;
  };
  const backOut = evaluations.find((entry) => entry.rule.id === "back_out_cancel")?.evaluation;
  let nextDeadlineOn: IsoDate | null = null;
  for (const { rule, evaluation } of evaluations) {
    if (evaluation.kind === "not_applicable" || !isOpen(rule, evaluation, facts)) continue;
    if (nextDeadlineOn === null || evaluation.dueOn < nextDeadlineOn) nextDeadlineOn = evaluation.dueOn;
  }
  return {
    formsChaseDueOn: dueOnOf("forms_chase"),
    ucpr1DuplicateDueOn: dueOnOf("ucpr1_duplicate"),
    welcomeCallDueOn: dueOnOf("welcome_call"),
    meetDueOn: dueOnOf("meet_participant"),
    startDueOn: dueOnOf("start"),
    cancelDueAt: backOut?.kind === "clock_hours" ? new Date(backOut.dueMs).toISOString() : null,
    exitNoticeDueOn: dueOnOf("exit_notice"),
    nextDeadlineOn,
  };
}
