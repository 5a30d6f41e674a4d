import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { dateBeforeProblem, futureDateProblem } from "@/lib/domain/business-dates";
import { deriveRuleset, purchaseOrderRouteProblem, rulesetOfRoute, type DerivedRuleset } from "@/lib/domain/lifecycle/rulesets";
import {
  ninoProblem,
  normaliseNino,
  normalisePurchaseOrder,
  purchaseOrderProblem,
  regimeOfPurchaseOrder,
  type PurchaseOrderRegime,
} from "@/lib/domain/identifiers";
import { parseDateParts, type DatePartsOptions } from "./date-parts";
import { optionalText, requiredText } from "./fields";

/**
 * PRaP referral intake (docs/rules/routes.md, routes 1 and 2; docs/rules/referral-data.md): the ONE
 * schema the form and the server action share. `.strict()` (AC-04) and a length limit on every
 * string (IV-01). The post is flat — each key is a form field's name, so an error links to
 * `#<name>` — and the output is grouped for the use-case (lib/server/referrals).
 *
 * Dates arrive as the GOV.UK date input's `${name}-day|month|year` and leave as ISO dates. The
 * schema is built for a day — referralIntakeSchemaOn(today) — because a referral is never dated
 * in the future and an untouched "date received" means today; the domain never reads the clock
 * (the server action passes today in London: lib/forms/schema-for-today.ts).
 * Rules that look at more than one field (address unless MAPPA, dates in order, the Initial
 * Assessment date on the two-stage route) run even when other fields are wrong, and every error
 * is reported in the order of the form, so the error summary reads top to bottom (GOV.UK).
 */

// ─── Choices ────────────────────────────────────────────────────────────────────────────

export const REFERRAL_ROUTES = ["prap_two_stage", "prap_single"] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

/** The process question: "derived" (the default) follows the referral date and purchase order (docs/rules/rulesets.md). */
export const PROCESS_CHOICES = ["derived", ...REFERRAL_ROUTES] as const;

export const REFERRAL_ROUTE_OPTIONS: ReadonlyArray<{ value: (typeof PROCESS_CHOICES)[number]; text: string; hint: string }> = [
  {
    value: "derived",
    text: "As the referral date and purchase order decide (recommended)",
    hint: "Before 1 September 2017 a Universal Credit referral (purchase order 2…) runs Chapter 13’s two-stage process; from 1 September 2017 every referral, and before it a referral for another benefit (purchase order 1…), runs the single process (13.06, 13.16, 3.01).",
  },
  {
    value: "prap_two_stage",
    text: "Universal Credit, two-stage (Chapter 13, 2016)",
    hint: "A referral to the Initial Assessment opportunity; the strand referral follows after the assessment (13.16, 13.25).",
  },
  {
    value: "prap_single",
    text: "Single referral to SES P2 National (Chapter 3, 2017)",
    hint: "One referral to the SES P2 National opportunity, accepted in PRaP (3.06).",
  },
];

export type IntakeProvision = "ia_opportunity" | "ses_p2_national";

export const BENEFIT_OPTIONS = [
  { value: "uc", text: "Universal Credit" },
  { value: "non_uc", text: "Another benefit" },
] as const;

export const RULESET_OVERRIDE_REASON_MIN = 10;
export const RULESET_OVERRIDE_REASON_MAX = 1000;

/** What the first PRaP referral is to: the IA opportunity (13.16) or SES P2 National (3.06). */
export function provisionFor(route: ReferralRoute): IntakeProvision {
  return route === "prap_two_stage" ? "ia_opportunity" : "ses_p2_national";
}

export const DISABILITY_OPTIONS = [
  { value: "yes", text: "Yes, the referral says they are disabled" },
  { value: "no", text: "No" },
  { value: "not_recorded", text: "Not recorded on the referral" },
] as const;

export const WELSH_LANGUAGE_OPTIONS = [
  { value: "none", text: "No" },
  { value: "written", text: "Written" },
  { value: "spoken", text: "Spoken" },
  { value: "written_and_spoken", text: "Written and spoken" },
] as const;

export const HANDOVER_ROLE_OPTIONS = [
  { value: "work_coach", text: "JCP Work Coach" },
  { value: "disability_employment_adviser", text: "Disability Employment Adviser (DEA)" },
] as const;

/**
 * Jobs and qualifications: as many as the referral lists (13.63, 13.64 set no limit). The form
 * starts with these many empty rows and offers "add another"; the schema takes every numbered row
 * posted. ROW_LIMIT only bounds the size of one post (docs/security.md IV-01): it is not a rule.
 */
export const INITIAL_JOB_ROWS = 2;
export const INITIAL_QUALIFICATION_ROWS = 3;
export const ROW_LIMIT = 100;

export interface IntakeRows {
  jobs: number;
  qualifications: number;
}

const rowNumbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** How many job and qualification rows a post carries (at least the form's initial rows). */
export function intakeRowsIn(raw: unknown): IntakeRows {
  const rows = { jobs: INITIAL_JOB_ROWS, qualifications: INITIAL_QUALIFICATION_ROWS };
  if (typeof raw !== "object" || raw === null) return rows;
  for (const key of Object.keys(raw)) {
    const job = /^job(\d{1,4})(Description|Start|End)/.exec(key);
    if (job) rows.jobs = Math.max(rows.jobs, Number(job[1]));
    const qualification = /^qualification(\d{1,4})(Level|Subject|Outcome|Start|End)/.exec(key);
    if (qualification) rows.qualifications = Math.max(rows.qualifications, Number(qualification[1]));
  }
  return rows;
}

/** Every date input on the form (each posts `${name}-day|month|year`). */
export function intakeDateFields(rows: IntakeRows): string[] {
  return [
    "referralDate",
    "referralReceivedOn",
    ...rowNumbers(rows.jobs).flatMap((n) => [`job${n}Start`, `job${n}End`]),
    ...rowNumbers(rows.qualifications).flatMap((n) => [`qualification${n}Start`, `qualification${n}End`]),
    "warmHandoverOn",
    "initialAssessmentOn",
  ];
}

/** The earliest referral: SES referrals ran 2015–2019 (docs/rules/clocks.md, "Working days"). */
export const EARLIEST_REFERRAL_DATE: IsoDate = "2015-01-01";
const EARLIEST_HISTORY_DATE: IsoDate = "1900-01-01";
/** The working-day calendar's last date (CALENDAR_LAST_DATE; not imported: it would bring the holiday data into the browser bundle). */
const LATEST_ASSESSMENT_DATE: IsoDate = "2099-12-31";

export const RE_REFERRAL_JUSTIFICATION_MIN = 10;
export const RE_REFERRAL_JUSTIFICATION_MAX = 2000;

export const MAPPA_ADDRESS_GIVEN_MESSAGE =
  "A MAPPA referral arrives without address, postcode and telephone (13.58): leave them blank, or untick MAPPA";

// ─── Field pieces ───────────────────────────────────────────────────────────────────────

const datePart = z.string().max(20, "Enter the date as numbers, like 27 3 2017").optional();
const dateParts = z.object({ day: datePart, month: datePart, year: datePart }).strict();

function blankParts(parts: { day?: string; month?: string; year?: string }): boolean {
  return [parts.day, parts.month, parts.year].every((part) => (part ?? "").trim() === "");
}

/** A GOV.UK date input → ISO date; `whenBlank` decides what an untouched input means. */
function dateField(today: IsoDate, options: DatePartsOptions & { notFuture?: boolean; whenBlank: "required" | "null" | "today" }) {
  const bare = options.label.replace(/^the /i, "");
  const subject = options.subject ?? `${bare[0].toUpperCase()}${bare.slice(1)}`;
  return dateParts.transform((parts, context): IsoDate | null => {
    if (blankParts(parts)) {
      if (options.whenBlank === "null") return null;
      if (options.whenBlank === "today") return today;
    }
    const result = parseDateParts(parts, options);
    if (!result.ok) {
      context.addIssue({ code: "custom", message: result.message, params: { parts: result.parts } });
      return z.NEVER;
    }
    const future = options.notFuture ? futureDateProblem(subject, result.date, today) : null;
    if (future) {
      context.addIssue({ code: "custom", message: future });
      return z.NEVER;
    }
    return result.date;
  });
}

const requiredDate = (today: IsoDate, options: DatePartsOptions & { notFuture?: boolean }) =>
  dateField(today, { ...options, whenBlank: "required" }).transform((date) => date as IsoDate);
const optionalDate = (today: IsoDate, options: DatePartsOptions & { notFuture?: boolean }) => dateField(today, { ...options, whenBlank: "null" });

/** A lone checkbox: ticked posts "yes", unticked posts nothing. */
export const tickbox = z
  .enum(["yes"], { error: "Reload the page and try again." })
  .optional()
  .transform((value) => value === "yes");

/** Radios that may be left unanswered: "" and absent both mean "not given". */
export function optionalChoice<const Values extends readonly [string, ...string[]]>(values: Values, message: string) {
  return z
    .union([z.enum(values, { error: message }), z.literal("")], { error: message })
    .optional()
    .transform((value): Values[number] | null => (value ? value : null));
}

const purchaseOrderNumber = z
  .string({ error: "Enter the purchase order number" })
  .max(20, "Purchase order number must be 9 digits, like 200123456")
  .transform((value, context) => {
    const problem = purchaseOrderProblem(value);
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return normalisePurchaseOrder(value);
  });

const nino = z
  .string({ error: "Enter a National Insurance number" })
  .max(20, "Enter a National Insurance number in the correct format, like AB 12 34 56 C")
  .transform((value, context) => {
    const problem = ninoProblem(value);
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return normaliseNino(value);
  });

const TELEPHONE_EXAMPLE = "like 01632 960 001, 07700 900 982 or +44 808 157 0192";

/** A UK or international telephone number as people write them: digits, spaces, +, brackets, dashes. */
export function telephone(label: string, required: boolean) {
  const capital = `${label[0].toUpperCase()}${label.slice(1)}`;
  return z
    .string()
    .trim()
    .max(40, `${capital} must be 40 characters or fewer`)
    .optional()
    .transform((value, context) => {
      if (!value) {
        if (required) {
          context.addIssue({ code: "custom", message: `Enter ${label}` });
          return z.NEVER;
        }
        return null;
      }
      const digits = value.replace(/\D/g, "");
      if (!/^\+?[0-9 ()-]+$/.test(value) || digits.length < 10 || digits.length > 15) {
        context.addIssue({ code: "custom", message: `Enter ${label} in the correct format, ${TELEPHONE_EXAMPLE}` });
        return z.NEVER;
      }
      return value.replace(/\s+/g, " ");
    });
}

/** UK postcode shapes (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA), stored as "LS9 8QX". */
const UK_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

export function normalisePostcode(input: string): string | null {
  const match = UK_POSTCODE.exec(input.trim().toUpperCase().replace(/\s+/g, " "));
  return match ? `${match[1]} ${match[2]}` : null;
}

export const postcode = z
  .string()
  .max(10, "Enter a real postcode, like LS9 8QX")
  .optional()
  .transform((value, context) => {
    if (!value || value.trim() === "") return null;
    const normalised = normalisePostcode(value);
    if (!normalised) {
      context.addIssue({ code: "custom", message: "Enter a real postcode, like LS9 8QX" });
      return z.NEVER;
    }
    return normalised;
  });

const handoverEmail = z
  .string({ error: "Enter the email address of the work coach or DEA" })
  .trim()
  .min(1, "Enter the email address of the work coach or DEA")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((value) => value.toLowerCase());

const reReferralJustification = z
  .string()
  .trim()
  .max(RE_REFERRAL_JUSTIFICATION_MAX, `Justification must be ${RE_REFERRAL_JUSTIFICATION_MAX} characters or fewer`)
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (value.length < RE_REFERRAL_JUSTIFICATION_MIN) {
      context.addIssue({ code: "custom", message: `Justification must be at least ${RE_REFERRAL_JUSTIFICATION_MIN} characters` });
      return z.NEVER;
    }
    return value;
  });

// ─── The flat form ──────────────────────────────────────────────────────────────────────

const historyDate = (today: IsoDate, label: string) => optionalDate(today, { label, min: EARLIEST_HISTORY_DATE, notFuture: true });

const jobFields = (today: IsoDate, count: number) =>
  Object.fromEntries(
    rowNumbers(count).flatMap((n) => {
      const which = n === 1 ? "most recent job" : "previous job";
      return [
        [`job${n}Description`, optionalText(`the description of the ${which}`, 500)],
        [`job${n}Start`, historyDate(today, `the start date of the ${which}`)],
        [`job${n}End`, historyDate(today, `the end date of the ${which}`)],
      ];
    }),
  ) as Record<`job${number}Description`, ReturnType<typeof optionalText>> &
    Record<`job${number}${"Start" | "End"}`, ReturnType<typeof historyDate>>;

const qualificationFields = (today: IsoDate, count: number) =>
  Object.fromEntries(
    rowNumbers(count).flatMap((n) => [
      [`qualification${n}Level`, optionalText(`the level of qualification ${n}`, 100)],
      [`qualification${n}Subject`, optionalText(`the subject of qualification ${n}`, 200)],
      [`qualification${n}Outcome`, optionalText(`the outcome of qualification ${n}`, 100)],
      [`qualification${n}Start`, historyDate(today, `the start date of qualification ${n}`)],
      [`qualification${n}End`, historyDate(today, `the end date of qualification ${n}`)],
    ]),
  ) as Record<`qualification${number}${"Level" | "Subject" | "Outcome"}`, ReturnType<typeof optionalText>> &
    Record<`qualification${number}${"Start" | "End"}`, ReturnType<typeof historyDate>>;

const INITIAL_ROWS: IntakeRows = { jobs: INITIAL_JOB_ROWS, qualifications: INITIAL_QUALIFICATION_ROWS };

const formShapeOn = (today: IsoDate, rows: IntakeRows = INITIAL_ROWS) => ({
  // Referral
  siteId: z.uuid({ error: "Select a site from the list" }).transform((id) => id.toLowerCase()),
  purchaseOrderNumber,
  referralId: requiredText("the referral ID", 40),
  provisionId: requiredText("the provision ID", 40),
  referralDate: requiredDate(today, { label: "the referral date", min: EARLIEST_REFERRAL_DATE, notFuture: true }),
  // Entered explicitly (13.17 counts from it): the form prefills the referral date, and a blank
  // field is refused, never silently the keying day (docs/rules/clocks.md).
  referralReceivedOn: dateField(today, {
    label: "the date the referral was received",
    subject: "Date the referral was received",
    min: EARLIEST_REFERRAL_DATE,
    notFuture: true,
    whenBlank: "required",
  }),
  benefit: optionalChoice(["uc", "non_uc"], "Select Universal Credit or another benefit"),
  route: z
    .union([z.enum(PROCESS_CHOICES, { error: "Select which process the referral follows" }), z.literal("")], { error: "Select which process the referral follows" })
    .optional()
    .transform((value): (typeof PROCESS_CHOICES)[number] => (value ? value : "derived")),
  rulesetOverrideReason: z
    .string()
    .trim()
    .max(RULESET_OVERRIDE_REASON_MAX, `Reason for choosing the other process must be ${RULESET_OVERRIDE_REASON_MAX} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null)),
  // Claimant
  title: optionalText("title", 20),
  forename: requiredText("the claimant’s forename", 100),
  surname: requiredText("the claimant’s surname", 100),
  nino,
  reReferralJustification,
  clientNumber: optionalText("client number", 40),
  disabled: z.enum(["yes", "no", "not_recorded"], { error: "Select whether the referral says the claimant is disabled" }),
  workSearchReviewAppointment: optionalText("work search review appointment", 200),
  incidentMarker: tickbox,
  childcareRequirements: optionalText("childcare requirements", 500),
  drivingLicence: optionalText("driving licence", 100),
  drivingEndorsements: optionalText("licence endorsements", 200),
  // Contact details
  mappa: tickbox,
  telephone: telephone("a telephone number", false),
  alternativeTelephone: telephone("an alternative telephone number", false),
  // Address
  addressLine1: optionalText("address line 1", 200),
  addressLine2: optionalText("address line 2", 200),
  town: optionalText("town or city", 100),
  postcode,
  // Single referral details (3.33)
  aims: optionalText("aims", 1000),
  jobPreferences: optionalText("job preferences", 1000),
  preferredHours: optionalText("preferred hours", 200),
  claimPattern: optionalText("claim pattern", 200),
  availabilityRestrictions: optionalText("availability restrictions", 1000),
  welshLanguage: optionalChoice(["none", "written", "spoken", "written_and_spoken"], "Select an option for Welsh language"),
  vulnerable: tickbox,
  disadvantaged: optionalChoice(["yes", "no"], "Select yes or no for the disadvantaged marker"),
  // Employment history (13.63)
  ...jobFields(today, rows.jobs),
  // Qualifications (13.64)
  ...qualificationFields(today, rows.qualifications),
  // Warm Handover (13.11, 13.15, 3.05)
  handoverRole: z.enum(["work_coach", "disability_employment_adviser"], { error: "Select who made the Warm Handover call" }),
  handoverName: requiredText("the name of the work coach or DEA", 200),
  handoverOrganisation: optionalText("jobcentre", 200),
  handoverPhone: telephone("the telephone number of the work coach or DEA", true),
  handoverEmail,
  // The call's own business date (docs/rules/decisions.md: business dates): filled in with the
  // referral date; never in the future or before the referral date.
  warmHandoverOn: requiredDate(today, { label: "the date of the Warm Handover call", subject: "Date of the Warm Handover call", min: EARLIEST_REFERRAL_DATE, notFuture: true }),
  initialAssessmentOn: optionalDate(today, {
    label: "the agreed Initial Assessment date",
    subject: "Initial Assessment date",
    min: EARLIEST_REFERRAL_DATE,
    max: LATEST_ASSESSMENT_DATE,
  }),
  // 13.17: an agreed date after the 10-working-day meeting deadline is saved only once the user,
  // warned, ticks this (docs/rules/clocks.md: warnings before saving). The server decides, from the
  // stored deadline; the form only carries the tick.
  confirmLateAssessment: tickbox,
});

type FormShape = ReturnType<typeof formShapeOn>;

/** The form's fields in page order (date inputs by their name): the error summary's order. The names do not depend on the day. */
export const REFERRAL_INTAKE_FIELDS = Object.keys(formShapeOn(EARLIEST_REFERRAL_DATE)) as (keyof FormShape)[];

/** The field order for a post with these rows (the error summary's order). */
function fieldOrder(rows: IntakeRows): string[] {
  return Object.keys(formShapeOn(EARLIEST_REFERRAL_DATE, rows));
}

type FlatForm = z.output<z.ZodObject<FormShape>>;

/** The job and qualification rows of a post, by field name (their number is the post's own). */
function rowsOf(form: object): Record<string, unknown> {
  return form as Record<string, unknown>;
}

/** How the form names job n: the most recent, the previous, then "3rd most recent job"… */
export function jobWhich(n: number): string {
  if (n === 1) return "most recent job";
  if (n === 2) return "previous job";
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix} most recent job`;
}

/** Only values that parsed are checked against each other; a field's own error is already reported. */
function isDate(value: unknown): value is IsoDate {
  return typeof value === "string";
}

/** The regime of a purchase order that parsed; null for one with its own error. */
function regimeIfValid(value: unknown): PurchaseOrderRegime | null {
  return typeof value === "string" && purchaseOrderProblem(value) === null ? regimeOfPurchaseOrder(value) : null;
}

function crossFieldRules(value: FlatForm, context: z.RefinementCtx, rows: IntakeRows) {
  const form = value as Partial<Record<keyof FlatForm, unknown>>;
  const issue = (path: keyof FlatForm | `job${number}${string}` | `qualification${number}${string}`, message: string) =>
    context.addIssue({ code: "custom", path: [path], message });

  // Dates in order: received on or after the referral; the IA on or after it (13.11, 13.15).
  if (isDate(form.referralDate) && isDate(form.referralReceivedOn)) {
    const before = dateBeforeProblem("Date the referral was received", form.referralReceivedOn, form.referralDate, "the referral date");
    if (before) issue("referralReceivedOn", before);
  }

  // The ruleset follows the referral date and purchase order (13.06, 13.16, 3.01); choosing the
  // other one needs a reason (a contract variant); a purchase order that contradicts the route or
  // the benefit is refused (docs/rules/rulesets.md).
  const regime = regimeIfValid(form.purchaseOrderNumber);
  const choice = (PROCESS_CHOICES as readonly unknown[]).includes(form.route) ? (form.route as FlatForm["route"]) : null;
  if (regime && isDate(form.referralDate) && choice) {
    const process = processFor(choice, form.referralDate, regime);
    const problem = purchaseOrderRouteProblem({ regime, route: process.route, benefit: (form.benefit ?? null) as PurchaseOrderRegime | null });
    if (problem) issue("purchaseOrderNumber", problem);
    else if (process.overridden && form.rulesetOverrideReason === null) {
      issue("rulesetOverrideReason", `${process.derived.why} To use the other process, give the reason, for example the contract variant that applies`);
    } else if (process.overridden && typeof form.rulesetOverrideReason === "string" && form.rulesetOverrideReason.length < RULESET_OVERRIDE_REASON_MIN) {
      issue("rulesetOverrideReason", `Reason for choosing the other process must be at least ${RULESET_OVERRIDE_REASON_MIN} characters`);
    }
  }

  // MAPPA (13.58, 3.32): the referral arrives without address, postcode and telephone. Otherwise
  // the address is required — and a missing address alone never marks a case MAPPA (docs/rules/decisions.md: MAPPA annex).
  if (form.mappa === true) {
    const given = (["telephone", "alternativeTelephone", "addressLine1", "addressLine2", "town", "postcode"] as const).filter(
      (field) => typeof form[field] === "string",
    );
    if (given.length > 0) issue("mappa", MAPPA_ADDRESS_GIVEN_MESSAGE);
  } else if (form.mappa === false) {
    if (form.addressLine1 === null) issue("addressLine1", "Enter address line 1, typically the building and street");
    if (form.town === null) issue("town", "Enter the town or city");
    if (form.postcode === null) issue("postcode", "Enter the postcode");
  }

  // Employment history: a job's dates need its description; the end is not before the start.
  for (const n of rowNumbers(rows.jobs)) {
    const which = jobWhich(n);
    const start = rowsOf(form)[`job${n}Start`];
    const end = rowsOf(form)[`job${n}End`];
    if (rowsOf(form)[`job${n}Description`] === null && (isDate(start) || isDate(end))) {
      issue(`job${n}Description`, `Enter a description of the ${which}, or remove its dates`);
    }
    if (isDate(start) && isDate(end) && end < start) {
      issue(`job${n}End`, `End date of the ${which} must be the same as or after its start date`);
    }
  }

  // Qualifications: a row with anything in it needs a subject; the end is not before the start.
  for (const n of rowNumbers(rows.qualifications)) {
    const row = (["Level", "Outcome", "Start", "End"] as const).map((part) => rowsOf(form)[`qualification${n}${part}`]);
    if (rowsOf(form)[`qualification${n}Subject`] === null && row.some((part) => typeof part === "string")) {
      issue(`qualification${n}Subject`, `Enter the subject of qualification ${n}, or clear its other details`);
    }
    const start = rowsOf(form)[`qualification${n}Start`];
    const end = rowsOf(form)[`qualification${n}End`];
    if (isDate(start) && isDate(end) && end < start) {
      issue(`qualification${n}End`, `End date of qualification ${n} must be the same as or after its start date`);
    }
  }

  if (isDate(form.referralDate) && isDate(form.warmHandoverOn)) {
    const before = dateBeforeProblem("Date of the Warm Handover call", form.warmHandoverOn, form.referralDate, "the referral date");
    if (before) issue("warmHandoverOn", before);
  }

  // The two-stage route: the IA date is agreed on the Warm Handover call (13.11, 13.15).
  const ia = form.initialAssessmentOn;
  const twoStage =
    form.route === "prap_two_stage" ||
    (form.route === "derived" && regime !== null && isDate(form.referralDate) && deriveRuleset(form.referralDate, regime).route === "prap_two_stage");
  if (twoStage && ia === null) {
    issue("initialAssessmentOn", "Enter the Initial Assessment date agreed on the Warm Handover call");
  }
  if (isDate(ia) && isDate(form.referralDate) && ia < form.referralDate) {
    issue("initialAssessmentOn", "Initial Assessment date must be the same as or after the referral date");
  }
}

/** The process a referral follows: the derived one, or the caseworker's choice when it differs (an override). */
export function processFor(choice: FlatForm["route"], referralDate: IsoDate, regime: PurchaseOrderRegime) {
  const derived: DerivedRuleset = deriveRuleset(referralDate, regime);
  const route: ReferralRoute = choice === "derived" ? derived.route : choice;
  return { derived, route, ruleset: rulesetOfRoute(route), overridden: route !== derived.route };
}

/** The flat post → the grouped input the use-case takes. */
function grouped(form: FlatForm, rows: IntakeRows) {
  const row = rowsOf(form) as Record<string, string | null>;
  const jobs = rowNumbers(rows.jobs).flatMap((n) => {
    const description = row[`job${n}Description`];
    return description
      ? [{ sequence: n, description, startDate: row[`job${n}Start`] as IsoDate | null, endDate: row[`job${n}End`] as IsoDate | null }]
      : [];
  });
  const qualifications = rowNumbers(rows.qualifications).flatMap((n) => {
    const subject = row[`qualification${n}Subject`];
    return subject
      ? [
          {
            subject,
            level: row[`qualification${n}Level`],
            outcome: row[`qualification${n}Outcome`],
            startDate: row[`qualification${n}Start`] as IsoDate | null,
            endDate: row[`qualification${n}End`] as IsoDate | null,
          },
        ]
      : [];
  }).map((qualification, index) => ({ sequenceNumber: index + 1, ...qualification }));
  const regime = regimeOfPurchaseOrder(form.purchaseOrderNumber);
  const process = processFor(form.route, form.referralDate, regime);
  return {
    referral: {
      route: process.route,
      siteId: form.siteId,
      purchaseOrderNumber: form.purchaseOrderNumber,
      regime,
      ruleset: process.ruleset,
      /** The ruleset the referral date and purchase order give, and why in plain words. */
      derivedRuleset: process.derived.ruleset,
      rulesetWhy: process.derived.why,
      /** Set only when the caseworker chose the other process: their reason (a contract variant). */
      rulesetOverrideReason: process.overridden ? form.rulesetOverrideReason : null,
      provision: provisionFor(process.route),
      referralId: form.referralId,
      provisionId: form.provisionId,
      referralDate: form.referralDate,
      referralReceivedOn: form.referralReceivedOn as IsoDate,
      warmHandoverOn: form.warmHandoverOn,
      initialAssessmentOn: form.initialAssessmentOn,
      confirmLateAssessment: form.confirmLateAssessment,
    },
    claimant: {
      title: form.title,
      forename: form.forename,
      surname: form.surname,
      nino: form.nino,
      clientNumber: form.clientNumber,
      telephone: form.telephone,
      alternativeTelephone: form.alternativeTelephone,
      addressLine1: form.addressLine1,
      addressLine2: form.addressLine2,
      town: form.town,
      postcode: form.postcode,
      disabled: form.disabled === "not_recorded" ? null : form.disabled === "yes",
      workSearchReviewAppointment: form.workSearchReviewAppointment,
      incidentMarker: form.incidentMarker,
      childcareRequirements: form.childcareRequirements,
      drivingLicence: form.drivingLicence,
      drivingEndorsements: form.drivingEndorsements,
      aims: form.aims,
      jobPreferences: form.jobPreferences,
      preferredHours: form.preferredHours,
      claimPattern: form.claimPattern,
      availabilityRestrictions: form.availabilityRestrictions,
      welshLanguage: form.welshLanguage,
      vulnerable: form.vulnerable,
      disadvantaged: form.disadvantaged === null ? null : form.disadvantaged === "yes",
    },
    employmentHistory: jobs,
    qualifications,
    handover: {
      role: form.handoverRole,
      name: form.handoverName,
      organisation: form.handoverOrganisation,
      phone: form.handoverPhone as string,
      email: form.handoverEmail,
    },
    mappa: form.mappa,
    reReferralJustification: form.reReferralJustification,
  };
}

const flatSchemaOn = (today: IsoDate, rows: IntakeRows) =>
  z
    .object(formShapeOn(today, rows))
    .strict()
    .superRefine((value, context) => crossFieldRules(value as FlatForm, context, rows), { when: () => true });

/** Issues sorted into the form's order (stable: a field's own issue stays before its cross-field one). */
function inFormOrder(issues: readonly z.core.$ZodIssue[], rows: IntakeRows): z.core.$ZodIssue[] {
  const order = fieldOrder(rows);
  const rank = (issue: z.core.$ZodIssue) => (issue.path.length === 0 ? -1 : order.indexOf(String(issue.path[0])));
  return [...issues].sort((a, b) => rank(a) - rank(b));
}

/** `${name}-day|month|year` keys → `name: { day, month, year }`; anything else is left as posted. */
function collectDateParts(raw: unknown, dateFields: DateFieldKeys): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const source = raw as Record<string, unknown>;
  // Copied key by key without the date parts, not spread then deleted: deleting keys turns an
  // object into a slow dictionary, and a bulk import builds thousands of these
  // (docs/decisions/0023-bulk-import-and-expected-referrals.md).
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (!dateFields.partKeys.has(key)) rest[key] = source[key];
  for (const name of dateFields.names) {
    const parts: Record<string, unknown> = { day: source[`${name}-day`], month: source[`${name}-month`], year: source[`${name}-year`] };
    // A post that also sends `name` itself keeps it inside the parts, where the strict parts
    // object refuses it as an unknown key (AC-04) — nothing is silently dropped.
    if (Object.hasOwn(source, name)) parts[name] = source[name];
    rest[name] = parts;
  }
  return rest;
}

interface DateFieldKeys {
  names: readonly string[];
  /** Every `${name}-day|month|year` key. */
  partKeys: ReadonlySet<string>;
}

function dateFieldKeysFor(rows: IntakeRows): DateFieldKeys {
  const names = intakeDateFields(rows);
  return { names, partKeys: new Set(names.flatMap((name) => [`${name}-day`, `${name}-month`, `${name}-year`])) };
}

/**
 * The intake schema for a post made on `today` (London): no date in the future. The job and
 * qualification rows are as many as the post carries (13.63, 13.64), up to ROW_LIMIT per post.
 */
export function referralIntakeSchemaOn(today: IsoDate) {
  // Built once per row shape: building the object schema costs far more than parsing with it,
  // and a bulk import parses thousands of posts with one schema (docs/decisions/0023-bulk-import-and-expected-referrals.md).
  const built = new Map<string, { schema: ReturnType<typeof flatSchemaOn>; dateFields: DateFieldKeys }>();
  const flatFor = (rows: IntakeRows) => {
    const key = `${rows.jobs}:${rows.qualifications}`;
    let shape = built.get(key);
    if (!shape) {
      shape = { schema: flatSchemaOn(today, rows), dateFields: dateFieldKeysFor(rows) };
      built.set(key, shape);
    }
    return shape;
  };
  return z.unknown().transform((raw, context) => {
    const rows = intakeRowsIn(raw);
    if (rows.jobs > ROW_LIMIT || rows.qualifications > ROW_LIMIT) {
      context.addIssue({ code: "custom", message: `Enter at most ${ROW_LIMIT} jobs and ${ROW_LIMIT} qualifications at a time`, path: [] });
      return z.NEVER;
    }
    const shape = flatFor(rows);
    const result = shape.schema.safeParse(collectDateParts(raw, shape.dateFields));
    if (!result.success) {
      for (const issue of inFormOrder(result.error.issues, rows)) context.issues.push({ ...issue, input: undefined });
      return z.NEVER;
    }
    return grouped(result.data as FlatForm, rows);
  });
}

export type ReferralIntakeInput = z.output<ReturnType<typeof referralIntakeSchemaOn>>;

/** Field pieces other PRaP-shaped forms reuse (SRO introduction SESSRO1 Part 2, JCP's referral of an introduced person). */
export { nino as ninoField, purchaseOrderNumber as purchaseOrderNumberField, telephone as telephoneField };
