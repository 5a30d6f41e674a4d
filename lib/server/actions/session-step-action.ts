import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, getPendingMfaUser, type CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { echoValues, errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";
import { UseCaseError } from "@/lib/server/use-case-error";
import { declareForm, type ActionOutcome } from "./authorised-action";

/**
 * Which sessions may post to a step of signing in (docs/security.md AU-04): "verify" — a session
 * that passed the password and must now give its second factor; "enrol" — one that must set a
 * second factor up, or a signed-in user who chooses to; "signed-in" — any fully signed-in user,
 * whatever their roles (their own account: changing their password, staying signed in).
 */
export type SessionStep = "verify" | "enrol" | "signed-in";

export async function sessionUserFor(step: SessionStep): Promise<CurrentUser | null> {
  if (step === "signed-in") return getCurrentUser();
  const pending = await getPendingMfaUser();
  if (pending) return pending.step === step ? pending.user : null;
  return step === "enrol" ? getCurrentUser() : null;
}

interface StepOptions<Schema extends z.ZodType> {
  step: SessionStep;
  schema: Schema;
  secretFields?: readonly string[];
}

/**
 * authorisedAction's counterpart for the pages a session sees before it is fully signed in: the
 * session is checked for the step (anything else goes to sign-in), the post is parsed with a
 * strict zod schema and use-case errors become the GOV.UK error pattern.
 */
export function sessionStepAction<Schema extends z.ZodType>(
  options: StepOptions<Schema>,
  handler: (input: z.output<Schema>, user: CurrentUser, db: PrismaClient) => Promise<ActionOutcome>,
): (previous: FormState | undefined, formData: FormData) => Promise<FormState> {
  const action = async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const user = await sessionUserFor(options.step);
    if (!user) redirect("/sign-in");
    const raw = formDataToObject(formData);
    const values = echoValues(raw, options.secretFields);
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return errorState(fieldErrorsFrom(parsed.error), values);
    let outcome: ActionOutcome;
    try {
      outcome = await handler(parsed.data, user, await getPrisma());
    } catch (error) {
      if (error instanceof UseCaseError) return errorState(error.fieldErrors, values, Object.keys(error.fieldErrors).length > 0 ? undefined : error.message);
      throw error;
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { ...initialFormState, status: "success", message: outcome?.message, ...(outcome?.data ? { data: outcome.data } : {}) };
  };
  declareForm(action, { schema: options.schema, arrayFields: [] });
  return action;
}
