/**
 * The form of a lifecycle step, field by field: each field is its question (what the page asks,
 * in GOV.UK words) and its zod schema (what the server accepts), so a field is named once. A step
 * builds its form with stepForm(fields, toInput); the page renders the questions by kind
 * (app/(signed-in)/cases/[caseId]/act/[action]/StepFields.tsx) and the server action parses with
 * the schema: `caseId`, `version` and the fields, `.strict()` (docs/security.md AC-04).
 *
 * The forms check only what the form itself can know (a real date, a choice made); whether the
 * case may take the step with these values is the state machine's answer (checkTransition).
 */
import { plainString } from "@/lib/domain/forms/fields";
import { z } from "zod";
import type { IsoDate } from "../../calendar/iso-date";
import { ignoringUnchosen, type Reveal } from "../forms/conditional-fields";
import { isoDateFromParts, parseDateParts, withDateParts } from "../forms/date-parts";
import { recordId, recordVersion } from "../forms/fields";
import type { PageContext } from "./step";

export interface Item {
  value: string;
  text: string;
}

/** Copy that may depend on the case ("participant" in 2016, "customer" in 2017). */
type Copy = string | ((context: PageContext) => string);

interface QuestionBase {
  label: string;
  hint?: Copy;
  /** Asked only for some cases (the 2017 rejection's DEA/work coach questions); always asked when absent. */
  askedWhen?(context: PageContext): boolean;
  /** A date filled in with the Initial Assessment date agreed at intake (13.11, 13.15), until the user changes it. */
  initialIsAgreedAssessment?: boolean;
  /**
   * Asked only for one answer of another radios question (a GOV.UK conditional reveal): shown under
   * that answer, and ignored by the server for any other (lib/domain/forms/conditional-fields.ts).
   */
  revealedBy?: { field: string; value: string };
}

export type Question =
  /** GOV.UK date input; the hint is followed by "For example, 27 3 2026". */
  | (QuestionBase & { kind: "date" })
  | (QuestionBase & { kind: "radios"; items(context: PageContext): readonly Item[]; inline?: boolean; errorAlsoFrom?: string })
  | (QuestionBase & { kind: "checkbox"; items(context: PageContext): readonly Item[] })
  /** UK wall-clock time, hours and minutes. */
  | (QuestionBase & { kind: "time" })
  /** Text: one line (a name, a one-line description), or a textarea with `rows`; `maxLength` is the limit the schema enforces, shown as a character count. */
  | (QuestionBase & { kind: "text"; rows?: number; maxLength?: number });

export interface FormField<Schema extends z.ZodType = z.ZodType> {
  question: Question;
  schema: Schema;
}

/** When the event happened, as entered (the business date, and the UK time where hours count). */
export interface BusinessDate {
  on: IsoDate;
  /** "HH:MM" UK time, for an event whose clock counts hours (the PRaP cancellation, 13.35, 3.15). */
  time: string | null;
}

/** What a lifecycle form parses to: the case, the version the form was rendered with, the step's input, and when it happened. */
export interface LifecycleFormOutput<Input> {
  caseId: string;
  version: number;
  input: Input;
  /** Null for a step whose form asks no business date (its own dates are its input). */
  happened: BusinessDate | null;
}

/**
 * The shared business-date question a step declares with stepForm(…, businessDate(label)):
 * every recorded event has its own date — and time where hours count — separate from when it was
 * keyed (docs/rules/decisions.md: business dates). The page fills in today; the server refuses a
 * date in the future or before the referral date (lib/domain/business-dates.ts), and the audit
 * row keeps both the business date and the keying time.
 */
export interface BusinessDateSpec {
  label: string;
  hint?: string;
  time?: { label: string; hint: string };
}

export const BUSINESS_DATE_FIELD = "happenedOn";
export const BUSINESS_TIME_FIELD = "happenedTime";

export function businessDate(label: string, options: Omit<BusinessDateSpec, "label"> = {}): BusinessDateSpec {
  return { label, ...options };
}

export interface StepForm<Input> {
  fields: Readonly<Record<string, FormField>>;
  schema: z.ZodType<LifecycleFormOutput<Input>>;
  /** The business date this step asks, if any (its fields are in `fields`). */
  businessDate: BusinessDateSpec | null;
}

/** A question resolved for one case: plain data, so it can be handed to a client component. */
export interface AskedQuestion {
  name: string;
  kind: Question["kind"];
  label: string;
  hint?: string;
  items?: Item[];
  inline?: boolean;
  rows?: number;
  /** Free text: the limit the schema enforces, shown as a character count. */
  maxLength?: number;
  /** The error keys shown at this question (its own first). */
  errorNames: string[];
  /** A date filled in until the user changes it: the business date defaults to today. */
  initial?: IsoDate;
  /** Shown under this answer of another question (a conditional reveal). */
  revealedBy?: { field: string; value: string };
}

const DATE_MIN: IsoDate = "2015-01-01";
const DATE_MAX: IsoDate = "2099-12-31";
const DATE_EXAMPLE = "For example, 27 3 2026";

/** "Date they left" → "the date they left": the words that complete "Enter …". */
function subjectOf(label: string): string {
  return `the ${label[0].toLowerCase()}${label.slice(1)}`;
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

export function dateField(label: string, options: Omit<QuestionBase, "label"> = {}) {
  return {
    question: { kind: "date" as const, label, ...options },
    schema: isoDateFromParts({ label: subjectOf(label), min: DATE_MIN, max: DATE_MAX }),
  };
}

/** A date the user may leave blank: the state machine decides whether the case needs it. */
export function optionalDateField(label: string, options: Omit<QuestionBase, "label"> = {}) {
  return { question: { kind: "date" as const, label, ...options }, schema: optionalDate(subjectOf(label)) };
}

interface ChoiceOptions<Value extends string> extends Omit<QuestionBase, "label"> {
  text: Readonly<Record<Value, string>>;
  /** The choices this case is offered, when not all of them (the 2016 rejection has only "Other"). */
  offered?(context: PageContext): readonly Value[];
  inline?: boolean;
  /** Another field whose error the state machine may report here. */
  errorAlsoFrom?: string;
}

/** Radios; a choice must be made, with `required` as the message. */
export function choiceField<const Values extends readonly [string, ...string[]]>(
  label: string,
  values: Values,
  required: string,
  options: ChoiceOptions<Values[number]>,
) {
  return { question: radiosQuestion(label, values, options), schema: z.enum(values, { error: required }) };
}

/** Radios the user may leave unanswered: the form or the state machine decides when an answer is needed. */
export function optionalChoiceField<const Values extends readonly [string, ...string[]]>(label: string, values: Values, options: ChoiceOptions<Values[number]>) {
  return { question: radiosQuestion(label, values, options), schema: z.enum(values).optional() };
}

function radiosQuestion<Value extends string>(label: string, values: readonly Value[], options: ChoiceOptions<Value>): Question {
  const { text, offered, ...rest } = options;
  return {
    kind: "radios",
    label,
    ...rest,
    items: (context) => (offered ? offered(context) : values).map((value) => ({ value, text: text[value] })),
  };
}

/** Radios over an administrator-editable list (reason codes): the code is checked against the list by the use-case. */
export function listedCodeField(label: string, required: string, items: (context: PageContext) => readonly Item[]) {
  return {
    question: { kind: "radios" as const, label, items },
    schema: z.string({ error: required }).trim().min(1, required).max(60, required).regex(/^[a-z0-9_]+$/, required),
  };
}

/** A single checkbox that confirms something ("yes" when ticked). */
export function tickField(label: string, options: Omit<QuestionBase, "label"> & { text: Copy }) {
  const { text, ...rest } = options;
  return {
    question: { kind: "checkbox" as const, label, ...rest, items: (context: PageContext) => [{ value: "yes", text: resolve(text, context) }] },
    schema: z.literal("yes").optional(),
  };
}

/**
 * Free text, trimmed, with a limit; blank is refused with `required`, or allowed (null) when
 * `required` is omitted — the step's refine or the state machine then decides when it is needed.
 */
export function textField(label: string, options: Omit<QuestionBase, "label"> & { max: number; required?: string; rows?: number }) {
  const { max, required, rows, ...rest } = options;
  const tooLong = `${label} must be ${max} characters or fewer`;
  const text = plainString(label).trim().max(max, tooLong);
  return {
    question: { kind: "text" as const, label, maxLength: max, ...(rows ? { rows } : {}), ...rest },
    schema: required
      ? plainString(label, { error: required }).trim().min(1, required).max(max, tooLong)
      : text.optional().transform((value) => (value ? value : null)),
  };
}

/** "14:30", "9:05", "09.05" → "HH:MM"; null otherwise. */
export function parseTime(value: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim());
  return match ? `${match[1].padStart(2, "0")}:${match[2]}` : null;
}

/** A UK wall-clock time, as "HH:MM". */
export function timeField(label: string, hint: string) {
  const missing = `Enter ${subjectOf(label)}`;
  return {
    question: { kind: "time" as const, label, hint },
    schema: z
      .string({ error: missing })
      .trim()
      .min(1, missing)
      .transform((value, context) => {
        const time = parseTime(value);
        if (time === null) {
          context.addIssue({ code: "custom", message: `${missing} as hours and minutes, like 14:30` });
          return z.NEVER;
        }
        return time;
      }),
  };
}

type Answers<Fields extends Record<string, FormField>> = { [Name in keyof Fields]: z.output<Fields[Name]["schema"]> };

/**
 * A step's form: its fields in the order the page asks them, and how the answers become the
 * step's input. `refine` adds checks across fields (issues keyed by field name).
 */
export function stepForm<const Fields extends Record<string, FormField>, Input>(
  fields: Fields,
  toInput: (answers: Answers<Fields>) => Input,
  refine?: ((answers: Answers<Fields>, context: z.RefinementCtx) => void) | null,
  when: BusinessDateSpec | null = null,
): StepForm<Input> {
  // The business date is asked first ("when did this happen?"), then the step's own questions.
  const happenedFields: Record<string, FormField> = when
    ? {
        [BUSINESS_DATE_FIELD]: dateField(when.label, { hint: when.hint ?? "It is filled in with today’s date: change it if this happened earlier." }),
        ...(when.time ? { [BUSINESS_TIME_FIELD]: timeField(when.time.label, when.time.hint) } : {}),
      }
    : {};
  const allFields = { ...happenedFields, ...fields };
  const shape = Object.fromEntries(Object.entries(allFields).map(([name, field]) => [name, field.schema]));
  const object = z.object({ caseId: recordId, version: recordVersion, ...shape }).strict();
  const refined = refine ? object.superRefine((value, context) => refine(value as Answers<Fields>, context)) : object;
  const parsed = refined.transform((value) => {
    const { caseId, version, ...rest } = value as Record<string, unknown> & { caseId: string; version: number };
    const { [BUSINESS_DATE_FIELD]: on, [BUSINESS_TIME_FIELD]: time, ...answers } = rest;
    return {
      caseId,
      version,
      input: toInput(answers as Answers<Fields>),
      happened: when ? { on: on as IsoDate, time: (time as string | undefined) ?? null } : null,
    };
  });
  const dates = dateNames(allFields);
  const withDates = dates.length > 0 ? withDateParts(dates, parsed) : parsed;
  // The fields of an answer not chosen are dropped before anything is checked (conditional reveals).
  const reveals: Reveal[] = Object.entries(allFields).flatMap(([name, field]) =>
    field.question.revealedBy ? [{ field: field.question.revealedBy.field, value: field.question.revealedBy.value, reveals: [name] }] : [],
  );
  return {
    fields: allFields,
    schema: (reveals.length > 0 ? ignoringUnchosen(reveals, withDates) : withDates) as unknown as z.ZodType<LifecycleFormOutput<Input>>,
    businessDate: when,
  };
}

function dateNames(fields: Readonly<Record<string, FormField>>): string[] {
  return Object.entries(fields)
    .filter(([, field]) => field.question.kind === "date")
    .map(([name]) => name);
}

/** The raw names a form posts: each date as its three parts first, then the other fields. */
export function postedNames(form: StepForm<unknown>): string[] {
  const dates = dateNames(form.fields);
  const others = Object.keys(form.fields).filter((name) => !dates.includes(name));
  return [...dates.flatMap((name) => [`${name}-day`, `${name}-month`, `${name}-year`]), ...others];
}

function resolve(copy: Copy, context: PageContext): string {
  return typeof copy === "function" ? copy(context) : copy;
}

/** The questions the page asks for this case, in order, with their copy resolved. */
export function askedQuestions(form: StepForm<unknown>, context: PageContext): AskedQuestion[] {
  return Object.entries(form.fields)
    .filter(([, field]) => field.question.askedWhen?.(context) ?? true)
    .map(([name, { question }]) => {
      const hint = question.hint === undefined ? undefined : resolve(question.hint, context);
      const asked: AskedQuestion = {
        name,
        kind: question.kind,
        label: question.label,
        errorNames: [name],
        hint: question.kind === "date" ? [hint, DATE_EXAMPLE].filter(Boolean).join(" ") : hint,
      };
      if (question.kind === "text") asked.maxLength = question.maxLength;
      if (question.kind === "radios" || question.kind === "checkbox") asked.items = [...question.items(context)];
      if (question.kind === "text" && question.rows) asked.rows = question.rows;
      if (name === BUSINESS_DATE_FIELD && form.businessDate && context.today) asked.initial = context.today;
      if (question.initialIsAgreedAssessment && context.agreedInitialAssessmentOn) asked.initial = context.agreedInitialAssessmentOn;
      if (question.revealedBy) asked.revealedBy = { ...question.revealedBy };
      if (question.kind === "radios") {
        if (question.inline) asked.inline = true;
        if (question.errorAlsoFrom) asked.errorNames.push(question.errorAlsoFrom);
      }
      return asked;
    });
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
