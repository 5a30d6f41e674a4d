import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { STRAND_LABELS } from "../case-labels";
import {
  INTRODUCTION_ACTIONS,
  LIFECYCLE_ACTIONS,
  SUITABILITY_REASON_LABELS,
  SUITABILITY_REASONS,
  type IntroductionAction,
  type LifecycleAction,
  type LifecycleInputs,
  type RejectInput,
} from "../lifecycle/actions";
import { isoDateFromParts, parseDateParts, withDateParts } from "./date-parts";
import { recordId, recordVersion } from "./fields";

/**
 * The forms behind the referral lifecycle actions (docs/rules/states.md). One page per
 * action; each form posts `caseId`, `version` and the action's own fields. `.strict()`: AC-04.
 * The forms check only what the form itself can know (a real date, a choice made); whether the
 * case may take the step with these values is the state machine's answer (checkTransition),
 * which the server asks inside its transaction.
 */

/**
 * The actions with a page here, in the order the case page lists them: every lifecycle action but
 * the SRO introduction's, which have their own SESSRO1 pages (app/(signed-in)/cases/[caseId]/sro).
 */
export type LifecycleFormAction = Exclude<LifecycleAction, IntroductionAction>;
export const LIFECYCLE_FORM_ACTIONS: readonly LifecycleFormAction[] = LIFECYCLE_ACTIONS.filter(
  (action): action is LifecycleFormAction => !INTRODUCTION_ACTIONS.has(action),
);

const FORM_ACTION_SET: ReadonlySet<string> = new Set(LIFECYCLE_FORM_ACTIONS);
export function isLifecycleFormAction(value: unknown): value is LifecycleFormAction {
  return typeof value === "string" && FORM_ACTION_SET.has(value);
}

/** Steps that cannot be undone: a check-your-answers page comes before the server is asked. */
export const IRREVERSIBLE_ACTIONS: ReadonlySet<LifecycleFormAction> = new Set<LifecycleFormAction>([
  "record_assessment_not_suitable",
  "record_completion",
  "record_early_leaving",
  "reject",
  "cancel_did_not_start",
  "cancel_after_back_out",
]);

/** The URL segment of an action's page: /cases/[caseId]/act/<slug>. */
export function actionSlug(action: LifecycleFormAction): string {
  return action.replaceAll("_", "-");
}
export function actionFromSlug(slug: string): LifecycleFormAction | null {
  const action = slug.replaceAll("-", "_");
  return isLifecycleFormAction(action) ? action : null;
}

export const STRANDS = ["sesmp", "sessb"] as const;
export const STRAND_OPTIONS = STRANDS.map((value) => ({ value, text: STRAND_LABELS[value] }));

/** The reject form's choice: referral made in error ("Other"), or (2017) one of the 3.08 reasons. */
export const REJECT_REASONS = ["other", ...SUITABILITY_REASONS] as const;
export type RejectReasonChoice = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Readonly<Record<RejectReasonChoice, string>> = {
  other: "The referral was made in error (Other)",
  ...SUITABILITY_REASON_LABELS,
};

/** The closure Reason row (kind "rejection") for a reject choice: the seeded codes match the choices. */
export function rejectionReasonCode(input: RejectInput): string {
  return input.reason === "other" ? "other" : input.suitabilityReason;
}

const DATE_MIN: IsoDate = "2015-01-01";
const DATE_MAX: IsoDate = "2099-12-31";

function date(label: string) {
  return isoDateFromParts({ label, min: DATE_MIN, max: DATE_MAX });
}

/** A date that may be left blank (null); a partly typed one is still checked. */
function optionalDate(label: string) {
  const datePart = z.string().optional();
  return z
    .object({ day: datePart, month: datePart, year: datePart })
    .strict()
    .transform((parts, context): IsoDate | null => {
      if (!parts.day?.trim() && !parts.month?.trim() && !parts.year?.trim()) return null;
      const result = parseDateParts(parts, { label, min: DATE_MIN, max: DATE_MAX });
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message, params: { parts: result.parts } });
        return z.NEVER;
      }
      return result.date;
    });
}

const base = { caseId: recordId, version: recordVersion };

/** Which posted fields each action has (besides caseId and version), and which of them are dates. */
export const ACTION_FIELDS: Readonly<Record<LifecycleFormAction, { dates: readonly string[]; others: readonly string[] }>> = {
  acknowledge: { dates: [], others: [] },
  book_initial_assessment: { dates: ["assessmentOn"], others: [] },
  record_assessment_recommended: { dates: ["heldOn", "anticipatedStartOn", "anticipatedEndOn"], others: ["strand"] },
  record_assessment_not_suitable: { dates: ["heldOn", "spocPhonedOn"], others: ["fullyDiscussedWithClaimant"] },
  accept_strand_referral: { dates: [], others: [] },
  accept_referral: { dates: [], others: [] },
  record_start: { dates: ["startedOn"], others: [] },
  record_completion: { dates: ["endedOn"], others: [] },
  record_early_leaving: { dates: ["leftOn"], others: ["reasonCode"] },
  reject: { dates: ["workCoachContactedOn"], others: ["reason", "workCoachAgreed"] },
  cancel_did_not_start: { dates: [], others: [] },
  record_back_out_email: { dates: ["receivedOn"], others: ["receivedTime"] },
  cancel_after_back_out: { dates: [], others: [] },
};

/** The raw names posted for an action: dates as their three parts. */
export function postedFieldNames(action: LifecycleFormAction): string[] {
  const fields = ACTION_FIELDS[action];
  return [...fields.dates.flatMap((name) => [`${name}-day`, `${name}-month`, `${name}-year`]), ...fields.others];
}

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Minutes London is ahead of UTC at an instant (0 in GMT, 60 in BST). */
function londonOffsetMinutes(ms: number): number {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * A UK wall-clock date and time ("14:30" on 2026-06-01) as an ISO instant in UTC
 * ("2026-06-01T13:30:00.000Z"), GMT or BST as the date says (13.35: the 24 hours run from POST's email).
 */
export function ukInstant(date: IsoDate, time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000).toISOString();
}

/** "14:30", "9:05", "09.05" → "HH:MM"; null otherwise. */
export function parseTime(value: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim());
  return match ? `${match[1].padStart(2, "0")}:${match[2]}` : null;
}

const noInput = () => ({}) as Record<string, never>;

const SCHEMAS = {
  acknowledge: z.object(base).strict().transform(({ caseId, version }) => ({ caseId, version, input: noInput() })),
  accept_strand_referral: z.object(base).strict().transform(({ caseId, version }) => ({ caseId, version, input: noInput() })),
  accept_referral: z.object(base).strict().transform(({ caseId, version }) => ({ caseId, version, input: noInput() })),
  cancel_did_not_start: z.object(base).strict().transform(({ caseId, version }) => ({ caseId, version, input: noInput() })),
  cancel_after_back_out: z.object(base).strict().transform(({ caseId, version }) => ({ caseId, version, input: noInput() })),
  record_back_out_email: withDateParts(
    ["receivedOn"],
    z
      .object({
        ...base,
        receivedOn: date("the date POST’s email arrived"),
        receivedTime: z
          .string({ error: "Enter the time POST’s email arrived" })
          .trim()
          .min(1, "Enter the time POST’s email arrived")
          .transform((value, context) => {
            const time = parseTime(value);
            if (time === null) {
              context.addIssue({ code: "custom", message: "Enter the time POST’s email arrived as hours and minutes, like 14:30" });
              return z.NEVER;
            }
            return time;
          }),
      })
      .strict()
      .transform(({ caseId, version, receivedOn, receivedTime }) => ({ caseId, version, input: { receivedAt: ukInstant(receivedOn, receivedTime) } })),
  ),
  book_initial_assessment: withDateParts(
    ["assessmentOn"],
    z
      .object({ ...base, assessmentOn: date("the date of the Initial Assessment") })
      .strict()
      .transform(({ caseId, version, assessmentOn }) => ({ caseId, version, input: { assessmentOn } })),
  ),
  record_assessment_recommended: withDateParts(
    ["heldOn", "anticipatedStartOn", "anticipatedEndOn"],
    z
      .object({
        ...base,
        heldOn: date("the date of the Initial Assessment"),
        strand: z.enum(STRANDS, { error: "Select the strand: SES Main Provision (SESMP) or SES Start Back (SESSB)" }),
        anticipatedStartOn: date("the anticipated start date"),
        anticipatedEndOn: date("the anticipated end date"),
      })
      .strict()
      .transform(({ caseId, version, ...input }) => ({ caseId, version, input })),
  ),
  record_assessment_not_suitable: withDateParts(
    ["heldOn", "spocPhonedOn"],
    z
      .object({
        ...base,
        heldOn: date("the date of the Initial Assessment"),
        fullyDiscussedWithClaimant: z.literal("yes").optional(),
        spocPhonedOn: optionalDate("the date you phoned the JCP SPoC"),
      })
      .strict()
      .transform(({ caseId, version, heldOn, fullyDiscussedWithClaimant, spocPhonedOn }) => ({
        caseId,
        version,
        input: { heldOn, fullyDiscussedWithClaimant: fullyDiscussedWithClaimant === "yes", spocPhonedOn },
      })),
  ),
  record_start: withDateParts(
    ["startedOn"],
    z
      .object({ ...base, startedOn: date("the start date") })
      .strict()
      .transform(({ caseId, version, startedOn }) => ({ caseId, version, input: { startedOn } })),
  ),
  record_completion: withDateParts(
    ["endedOn"],
    z
      .object({ ...base, endedOn: date("the actual end date") })
      .strict()
      .transform(({ caseId, version, endedOn }) => ({ caseId, version, input: { endedOn } })),
  ),
  record_early_leaving: withDateParts(
    ["leftOn"],
    z
      .object({
        ...base,
        leftOn: date("the date they left"),
        reasonCode: z
          .string({ error: "Select the reason they left early" })
          .trim()
          .min(1, "Select the reason they left early")
          .max(60, "Select the reason they left early")
          .regex(/^[a-z0-9_]+$/, "Select the reason they left early"),
      })
      .strict()
      .transform(({ caseId, version, leftOn, reasonCode }) => ({ caseId, version, input: { leftOn, reasonCode } })),
  ),
  reject: withDateParts(
    ["workCoachContactedOn"],
    z
      .object({
        ...base,
        reason: z.enum(REJECT_REASONS, { error: "Select the reason for rejecting the referral" }),
        workCoachAgreed: z.enum(["yes", "no"]).optional(),
        workCoachContactedOn: optionalDate("the date you spoke to the DEA or work coach"),
      })
      .strict()
      .superRefine((value, context) => {
        if (value.reason === "other") return;
        if (value.workCoachAgreed === undefined) {
          context.addIssue({ code: "custom", path: ["workCoachAgreed"], message: "Select whether the DEA or work coach agreed that the referral should be rejected" });
        }
        if (value.workCoachContactedOn === null) {
          context.addIssue({ code: "custom", path: ["workCoachContactedOn"], message: "Enter the date you spoke to the DEA or work coach" });
        }
      })
      .transform(({ caseId, version, reason, workCoachAgreed, workCoachContactedOn }) => {
        const input: RejectInput =
          reason === "other"
            ? { reason: "other" }
            : {
                reason: "customer_no_longer_suitable",
                suitabilityReason: reason,
                workCoachAgreed: workCoachAgreed === "yes",
                workCoachContactedOn: workCoachContactedOn as IsoDate,
              };
        return { caseId, version, input };
      }),
  ),
} satisfies Record<LifecycleFormAction, z.ZodType>;

/** What a lifecycle form parses to: the case, the version the form was rendered with, and the action's input. */
export interface LifecycleFormOutput<A extends LifecycleFormAction = LifecycleFormAction> {
  caseId: string;
  version: number;
  input: LifecycleInputs[A];
}

/** The strict schema for one action's form. */
export function lifecycleFormSchema<A extends LifecycleFormAction>(action: A): z.ZodType<LifecycleFormOutput<A>> {
  return SCHEMAS[action] as unknown as z.ZodType<LifecycleFormOutput<A>>;
}
