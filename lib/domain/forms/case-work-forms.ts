import { z } from "zod";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";

/** Forms for the everyday work on a case: notes, assignment, contact attempts. `.strict()`: AC-04. */

export const NOTE_MAX_LENGTH = 10_000; // docs/security.md IV-01

export const addCaseNoteSchema = z
  .object({ caseId: recordId, text: requiredText("the note", NOTE_MAX_LENGTH) })
  .strict();

export const assignCaseSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    caseworkerId: z
      .string()
      .optional()
      .transform((value) => (value ? value.toLowerCase() : null))
      .pipe(z.uuid({ error: "Select a caseworker from the list" }).nullable()),
  })
  .strict();

export const CONTACT_CHANNELS = ["telephone", "email", "letter", "text_message", "in_person"] as const;
export const CONTACT_OUTCOMES = ["successful", "no_answer", "message_left", "wrong_number", "declined"] as const;

export const CONTACT_CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  telephone: "Telephone",
  email: "Email",
  letter: "Letter",
  text_message: "Text message",
  in_person: "In person",
};
export const CONTACT_OUTCOME_LABELS: Record<(typeof CONTACT_OUTCOMES)[number], string> = {
  successful: "Spoke to them",
  no_answer: "No answer",
  message_left: "Left a message",
  wrong_number: "Wrong number",
  declined: "They declined to take part",
};

/** The business date of a contact attempt (docs/rules/decisions.md: business dates): the form fills in today. */
export const CONTACT_ATTEMPT_DATE_LABEL = "Date you tried to contact them";

export const recordContactAttemptSchema = withDateParts(
  ["attemptedOn"],
  z
    .object({
      caseId: recordId,
      attemptedOn: isoDateFromParts({ label: "the date you tried to contact them", min: "2015-01-01", max: "2099-12-31" }),
      channel: z.enum(CONTACT_CHANNELS, { error: "Select how you tried to contact them" }),
      outcome: z.enum(CONTACT_OUTCOMES, { error: "Select what happened" }),
      note: optionalText("note", 2000),
    })
    .strict(),
);

export type AddCaseNoteInput = z.infer<typeof addCaseNoteSchema>;
export type AssignCaseInput = z.infer<typeof assignCaseSchema>;
export type RecordContactAttemptInput = z.output<typeof recordContactAttemptSchema>;
