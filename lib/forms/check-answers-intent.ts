import type { FormState } from "./form-state";
import { echoValues, formDataToObject } from "./parse-form";

type FormAction = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** The submit buttons' name on a form with a check-your-answers step. */
export const INTENT_FIELD = "intent";
/** "Continue" on the questions: check the answers and show them back. */
export const INTENT_CHECK = "check";
/** "Record …" on the check page: save. */
export const INTENT_RECORD = "record";
/** "Change" on the check page: `change:<field id>`, back to the questions with every answer kept. */
export const INTENT_CHANGE_PREFIX = "change:";

/**
 * One form action for questions + check your answers (docs/decisions/0018-check-answers-before-a-case-is-created.md):
 * the pressed button's `intent` picks the step, and is removed before the step's strict schema sees
 * the post. The answers travel in the post itself (hidden fields on the check page), so nothing is
 * stored before the user confirms and the journey works without JavaScript. "Change" only echoes
 * the posted answers back to the questions: it reads and writes nothing.
 */
export function withCheckAnswers(check: FormAction, record: FormAction): FormAction {
  return async (previous, formData) => {
    const intent = String(formData.get(INTENT_FIELD) ?? INTENT_CHECK);
    formData.delete(INTENT_FIELD);
    if (intent === INTENT_RECORD) return record(previous, formData);
    if (intent.startsWith(INTENT_CHANGE_PREFIX)) {
      const focus = intent.slice(INTENT_CHANGE_PREFIX.length).replace(/[^A-Za-z0-9-]/g, "");
      return { status: "idle", fieldErrors: {}, values: echoValues(formDataToObject(formData)), focus: focus || undefined };
    }
    return check(previous, formData);
  };
}
