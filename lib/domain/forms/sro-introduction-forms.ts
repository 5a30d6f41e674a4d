import { z } from "zod";
import { ignoringUnchosen, type Reveal } from "./conditional-fields";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { futureDateProblem } from "@/lib/domain/business-dates";
import { parseDateParts, withDateParts } from "./date-parts";
import { emailAddress, optionalText, recordId, recordVersion, requiredText } from "./fields";
import { parseTime, ukInstant } from "../lifecycle/step-form";
import { ninoField, purchaseOrderNumberField, telephoneField } from "./referral-intake";

/**
 * SRO introductions (docs/rules/routes.md, route 3; 13.40–13.51, 3.19–3.29): the forms a caseworker fills in
 * for SESSRO1, shared by the page and the server action. `.strict()` (AC-04), a length limit on
 * every string (IV-01), dates as GOV.UK day/month/year parts. The person is "introduced", not
 * referred, until eligibility and suitability are confirmed (13.44, 3.23).
 *
 * Each schema is built for a day — e.g. firstMeetingSchemaOn(today) — because what has happened is
 * never dated in the future (lib/domain/business-dates.ts); the domain never reads the clock (the
 * server action passes today in London: lib/forms/schema-for-today.ts).
 */

const EARLIEST: IsoDate = "2015-01-01";
const LATEST: IsoDate = "2099-12-31";
/** A required date; `notFuture` (on `today`) for things that have happened. */
function date(label: string, options: { notFuture?: IsoDate } = {}) {
  const datePart = z.string().max(20, "Enter the date as numbers, like 27 3 2026").optional();
  const bare = label.replace(/^the /i, "");
  const subject = `${bare[0].toUpperCase()}${bare.slice(1)}`;
  return z
    .object({ day: datePart, month: datePart, year: datePart }, { error: `Enter ${label}` })
    .strict()
    .transform((parts, context): IsoDate => {
      const result = parseDateParts(parts, { label, min: EARLIEST, max: LATEST });
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message, params: { parts: result.parts } });
        return z.NEVER;
      }
      const future = options.notFuture ? futureDateProblem(subject, result.date, options.notFuture) : null;
      if (future) {
        context.addIssue({ code: "custom", message: future });
        return z.NEVER;
      }
      return result.date;
    });
}

/** A date that may be left blank (null), never after `today`; a partly typed one is still checked. */
function optionalDate(label: string, today: IsoDate) {
  const datePart = z.string().max(20).optional();
  const bare = label.replace(/^the /i, "");
  const subject = `${bare[0].toUpperCase()}${bare.slice(1)}`;
  return z
    .object({ day: datePart, month: datePart, year: datePart })
    .strict()
    .transform((parts, context): IsoDate | null => {
      if (![parts.day, parts.month, parts.year].some((part) => (part ?? "").trim() !== "")) return null;
      const result = parseDateParts(parts, { label, min: EARLIEST, max: LATEST });
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message, params: { parts: result.parts } });
        return z.NEVER;
      }
      const future = futureDateProblem(subject, result.date, today);
      if (future) {
        context.addIssue({ code: "custom", message: future });
        return z.NEVER;
      }
      return result.date;
    });
}

const yesNo = (message: string) => z.enum(["yes", "no"], { error: message }).transform((value) => value === "yes");
/** Radios that may be left unanswered. */
const optionalYesNo = (message: string) =>
  z
    .union([z.enum(["yes", "no"], { error: message }), z.literal("")])
    .optional()
    .transform((value) => (value ? value === "yes" : null));
const tickbox = z
  .enum(["yes"], { error: "Reload the page and try again." })
  .optional()
  .transform((value) => value === "yes");

const time = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(10, `Enter ${label} as hours and minutes, like 10:30`)
    .transform((value, context) => {
      const parsed = parseTime(value);
      if (parsed === null) {
        context.addIssue({ code: "custom", message: `Enter ${label} as hours and minutes in the 24-hour clock, like 10:30 or 14:15` });
        return z.NEVER;
      }
      return parsed;
    });

// ─── 1. The introductory phone call: SESSRO1 Parts 1 and 2 (13.41–13.43, 3.20–3.22) ─────

/**
 * 13.43, 3.22: someone on an incompatible programme is not eligible. Decision
 * (docs/decisions/0014-sro-introductions-without-dead-ends.md): the call is recorded and closed at
 * once as not eligible (SESSRO1 Part 4), so the SRO's call and what the provider told them are on
 * record; the form does not refuse it.
 */
export const INCOMPATIBLE_PROGRAMME_REASON_CODE = "incompatible_programme";

export const INCOMPATIBLE_PROGRAMME_OPTIONS = [
  { value: "no", text: "No, they are not on any of these programmes" },
  { value: "yes", text: "Yes, they are on one of them: record the call and close it as not eligible" },
] as const;

/** The date fields of the introduction form, in page order (each posts `${name}-day|month|year`). */
export const INTRODUCTION_DATE_FIELDS = ["introducedOn", "interviewOn"] as const;

export const sroIntroductionSchemaOn = (today: IsoDate) =>
  withDateParts(
    INTRODUCTION_DATE_FIELDS,
    z
      .object({
        siteId: z.uuid({ error: "Select a site from the list" }).transform((id) => id.toLowerCase()),
        introducedOn: date("the date of the introductory phone call", { notFuture: today }),
        // Part 1: the SRO (13.42, 3.21)
        sroOrganisation: requiredText("the Statutory Referral Organisation’s name", 200),
        sroContactName: requiredText("the name of the person at the SRO", 200),
        sroPhone: telephoneField("the SRO’s telephone number", true),
        sroEmail: z.union([z.literal(""), emailAddress]).optional().transform((value) => (value ? value : null)),
        // Part 2: the person introduced (13.42, 3.21)
        title: optionalText("title", 20),
        surname: requiredText("their surname", 100),
        forename: requiredText("their forename", 100),
        nino: ninoField,
        // The Initial Assessment interview agreed during the call (13.41–13.42)
        interviewOn: date("the date of the interview"),
        interviewTime: time("the time of the interview"),
        interviewVenue: requiredText("the interview venue", 300),
        // 13.43, 3.22: checked during the call
        onIncompatibleProgramme: z.enum(["yes", "no"], {
          error: "Select whether they are on the Work Programme, the Work and Health Programme, Work Choice or another incompatible DWP programme",
        }),
        // 13.45: another DWP programme the SRO or the person names; it warns, it does not refuse
        otherProgrammeNamed: optionalText("the other DWP programme", 200),
        // 13.46, 3.24: an earlier SES spell on record needs a reason to go on (checked by the server)
        previousSpellReason: optionalText("why another period on SES is appropriate", 2000),
      })
      .strict()
      .superRefine((form, context) => {
        if (form.onIncompatibleProgramme === "yes" && form.otherProgrammeNamed === null) {
          context.addIssue({ code: "custom", path: ["otherProgrammeNamed"], message: "Enter which programme they are on (13.43, 3.22)" });
        }
        if (form.interviewOn < form.introducedOn) {
          context.addIssue({ code: "custom", path: ["interviewOn"], message: "The interview must be on or after the day of the phone call" });
        }
      })
      .transform(({ interviewTime, onIncompatibleProgramme, ...form }) => ({
        ...form,
        onIncompatibleProgramme: onIncompatibleProgramme === "yes",
        interviewAt: ukInstant(form.interviewOn, interviewTime),
      })),
  );
export type SroIntroductionInput = z.output<ReturnType<typeof sroIntroductionSchemaOn>>;

// ─── 2. The first meeting: SESSRO1 Part 3 and the outcome (13.44–13.51, 3.23–3.29) ────────

export const FIRST_MEETING_OUTCOMES = ["accept", "provision_full", "not_eligible"] as const;
export type FirstMeetingOutcome = (typeof FIRST_MEETING_OUTCOMES)[number];
export const FIRST_MEETING_OUTCOME_OPTIONS: ReadonlyArray<{ value: FirstMeetingOutcome; text: string; hint: string }> = [
  {
    value: "accept",
    text: "Eligible and suitable: accept them",
    hint: "If they are eligible and suitable and the provision is not full, you must accept them (13.47, 3.25).",
  },
  {
    value: "provision_full",
    text: "Eligible and suitable, but the provision is full",
    hint: "Give the date you told the SRO and the reason. Where the site’s capacity is recorded it is checked, and you are warned if it still shows places free.",
  },
  {
    value: "not_eligible",
    text: "Not eligible or not suitable (SESSRO1 Part 4)",
    hint: "Give the reason, explain it to them, and contact the SRO to refer them back if they wish (13.51, 3.29).",
  },
];

export const FIRST_MEETING_DATE_FIELDS = ["metOn", "claimantToldOn", "sroToldOn", "sroContactedOn"] as const;

/**
 * The questions that apply to one answer only (conditional reveals): the server ignores them for any
 * other answer, so a half-typed date under an outcome not chosen neither refuses nor is saved.
 */
export const FIRST_MEETING_REVEALS: readonly Reveal[] = [
  { field: "previousSes", value: "yes", reveals: ["previousSesAppropriate"] },
  { field: "outcome", value: "provision_full", reveals: ["sroToldOn", "provisionFullReason"] },
  { field: "outcome", value: "not_eligible", reveals: ["reasonCode", "part4Reason", "claimantToldOn", "sroContactedOn", "copyRetainedForInspection"] },
];

export const firstMeetingSchemaOn = (today: IsoDate) =>
  ignoringUnchosen(FIRST_MEETING_REVEALS, firstMeetingFormOn(today));

const firstMeetingFormOn = (today: IsoDate) =>
  withDateParts(
    FIRST_MEETING_DATE_FIELDS,
    z
      .object({
        caseId: recordId,
        version: recordVersion,
        metOn: date("the date of the first meeting", { notFuture: today }),
        // Part 3 (13.44–13.46, 3.23–3.24)
        eligible: yesNo("Select whether they are eligible for SES"),
        suitable: yesNo("Select whether SES is suitable for them"),
        previousSes: yesNo("Select whether they have been on SES before"),
        previousSesAppropriate: optionalYesNo("Select whether another period on SES is appropriate"),
        otherDwpProgrammes: optionalText("other DWP programmes", 1000),
        outcome: z.enum(FIRST_MEETING_OUTCOMES, { error: "Select the outcome of the first meeting" }),
        // Not eligible or suitable: Part 4 (13.51, 3.29)
        reasonCode: z.string().trim().max(60).optional().transform((value) => (value ? value : null)),
        part4Reason: optionalText("the reason in Part 4", 2000),
        claimantToldOn: optionalDate("the date you explained this to them", today),
        sroContactedOn: optionalDate("the date you contacted the SRO", today),
        copyRetainedForInspection: tickbox,
        // Provision full: the SRO told, and why it is full (13.47, 3.25)
        sroToldOn: optionalDate("the date you told the SRO", today),
        provisionFullReason: optionalText("why the provision is full", 2000),
        // An earlier SES spell with the same NINO: why another period is appropriate (13.46, 3.24);
        // required by the server when the records show one
        previousSpellReason: optionalText("why another period on SES is appropriate", 2000),
      })
      .strict()
      .superRefine((form, context) => {
        const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
        if (form.previousSes && form.previousSesAppropriate === null) {
          issue("previousSesAppropriate", "Select whether another period on SES is appropriate (13.46)");
        }
        const eligibleAndSuitable = form.eligible && form.suitable && (!form.previousSes || form.previousSesAppropriate !== false);
        const after = (field: "claimantToldOn" | "sroContactedOn" | "sroToldOn", value: IsoDate | null, label: string) => {
          if (value !== null && value < form.metOn) issue(field, `${label} must be on or after the date of the first meeting`);
        };
        if (form.outcome === "accept" || form.outcome === "provision_full") {
          if (!eligibleAndSuitable) {
            issue(
              "outcome",
              "They are not eligible or not suitable (or another period on SES is not appropriate): record the outcome as not eligible or not suitable, with the reason in Part 4 (13.46, 13.51)",
            );
          }
        }
        if (form.outcome === "provision_full") {
          if (form.sroToldOn === null) issue("sroToldOn", "Enter the date you told the SRO the provision is full");
          if (form.provisionFullReason === null) issue("provisionFullReason", "Enter why the provision is full (13.47, 3.25)");
          after("sroToldOn", form.sroToldOn, "The date you told the SRO");
        }
        if (form.outcome === "not_eligible") {
          if (eligibleAndSuitable) {
            issue("outcome", "They are eligible and suitable: if the provision is not full you must accept them (13.47, 3.25)");
          }
          if (form.reasonCode === null) issue("reasonCode", "Select the reason they were not accepted (SESSRO1 Part 4)");
          if (form.part4Reason === null) issue("part4Reason", "Enter the reason in Part 4, as you wrote it on the form");
          if (form.claimantToldOn === null) issue("claimantToldOn", "Enter the date you explained this to them (13.51)");
          after("claimantToldOn", form.claimantToldOn, "The date you explained this to them");
          after("sroContactedOn", form.sroContactedOn, "The date you contacted the SRO");
          if (!form.copyRetainedForInspection) {
            issue("copyRetainedForInspection", "Confirm a copy of the form, with the reason, is retained for the DWP Performance Manager (13.51, 3.29)");
          }
        }
      }),
  );
export type FirstMeetingInput = z.output<ReturnType<typeof firstMeetingSchemaOn>>;

// ─── 3. Signed, copy offered, original retained, secure post, SPoC notified (13.47–13.48, 3.25–3.26) ─

export const SECURE_POST_METHODS = [
  "Royal Mail Tracked (Track and Trace)",
  "Royal Mail Signed For",
  "Royal Mail Special Delivery Guaranteed",
  "Courier with tracking",
] as const;

export const SESSRO1_SENT_DATE_FIELDS = ["signedOn", "copyOfferedOn", "postedOn", "spocNotifiedOn"] as const;

export const sessro1SentSchemaOn = (today: IsoDate) =>
  withDateParts(
    SESSRO1_SENT_DATE_FIELDS,
    z
      .object({
        caseId: recordId,
        version: recordVersion,
        signedOn: date("the date they signed the form", { notFuture: today }),
        copyOfferedOn: date("the date you offered them a copy", { notFuture: today }),
        originalRetained: tickbox,
        postedOn: date("the date the copy was posted", { notFuture: today }),
        // 13.48, 3.26: secure post, a minimum of Track and Trace
        method: z.enum(SECURE_POST_METHODS, { error: "Select how the copy was sent: secure post, a minimum of Track and Trace (13.48)" }),
        trackingNumber: requiredText("the Track and Trace number", 60),
        counterparty: requiredText("who it was sent to (the JCP SPoC)", 200),
        spocNotifiedOn: date("the date you notified the JCP SPoC", { notFuture: today }),
      })
      .strict()
      .superRefine((form, context) => {
        const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
        if (!form.originalRetained) issue("originalRetained", "Confirm you have retained the signed original (13.47, 3.25)");
        if (form.copyOfferedOn < form.signedOn) issue("copyOfferedOn", "The copy is offered on or after the day the form is signed");
        if (form.postedOn < form.signedOn) issue("postedOn", "The copy is posted on or after the day the form is signed");
        if (form.spocNotifiedOn < form.postedOn) issue("spocNotifiedOn", "Notify the JCP SPoC on or after the day the copy was posted (13.48)");
      }),
  );
export type Sessro1SentInput = z.output<ReturnType<typeof sessro1SentSchemaOn>>;

// ─── 4. JCP's PRaP referral of the accepted introduction (13.49, 3.27) ───────────────────

export const JCP_REFERRAL_DATE_FIELDS = ["referralDate", "referralReceivedOn"] as const;

export const jcpReferralSchemaOn = (today: IsoDate) =>
  withDateParts(
    JCP_REFERRAL_DATE_FIELDS,
    z
      .object({
        caseId: recordId,
        version: recordVersion,
        purchaseOrderNumber: purchaseOrderNumberField,
        referralId: requiredText("the referral ID", 40),
        provisionId: requiredText("the provision ID", 40),
        referralDate: date("the referral date", { notFuture: today }),
        referralReceivedOn: date("the date the referral was received", { notFuture: today }),
        // Ch13 (13.49): JCP's second referral, to the strand; required by the server for a 2016 case
        strand: z.union([z.enum(["sesmp", "sessb"], { error: "Select the strand JCP referred them to" }), z.literal("")]).optional().transform((value) => (value ? value : null)),
        strandPurchaseOrderNumber: z.union([purchaseOrderNumberField, z.literal("")]).optional().transform((value) => (value ? value : null)),
        strandReferralId: optionalText("the strand referral ID", 40),
        strandProvisionId: optionalText("the strand provision ID", 40),
      })
      .strict()
      .superRefine((form, context) => {
        if (form.referralReceivedOn < form.referralDate) {
          context.addIssue({ code: "custom", path: ["referralReceivedOn"], message: "The date the referral was received must be on or after the referral date" });
        }
      }),
  );
export type JcpReferralInput = z.output<ReturnType<typeof jcpReferralSchemaOn>>;

// ─── 5. JCP's notification that it received the SESSRO1 copy (13.49, 3.27) ─────────────────

export const jcpReceiptSchemaOn = (today: IsoDate) =>
  withDateParts(
    ["receivedOn"],
    z
      .object({
        caseId: recordId,
        version: recordVersion,
        receivedOn: date("the date JCP told you it received the SESSRO1", { notFuture: today }),
      })
      .strict(),
  );
export type JcpReceiptInput = z.output<ReturnType<typeof jcpReceiptSchemaOn>>;
