import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { echoValues, errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { UseCaseError } from "@/lib/server/use-case-error";
import { getCurrentUser, type CurrentUser } from "../../auth/current-user";
import { can, type Permission } from "../../domain/permissions";

export type ActionOutcome = { redirectTo?: string; message?: string } | void;

interface ActionOptions<Schema extends z.ZodType> {
  permission: Permission;
  schema: Schema;
  /** Fields posted as several values (checkboxes). */
  arrayFields?: readonly string[];
  /** Fields never echoed back to the form (passwords). */
  secretFields?: readonly string[];
  /** A name for the security log when the permission check fails. */
  name: string;
}

/**
 * Every server action goes through here (Dub's pattern): a server action is a public endpoint,
 * so it loads the session and checks the permission itself, parses the post with a strict zod
 * schema (unknown keys refused, AC-04), and maps use-case errors to the GOV.UK error pattern.
 * The use-case re-checks the permission inside its transaction as well.
 */
export function authorisedAction<Schema extends z.ZodType>(
  options: ActionOptions<Schema>,
  handler: (input: z.output<Schema>, user: CurrentUser) => Promise<ActionOutcome>,
): (previous: FormState | undefined, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const user = await getCurrentUser();
    if (!user) redirect("/sign-in");
    const raw = formDataToObject(formData, options.arrayFields);
    const values = echoValues(raw, options.secretFields);
    if (!can(user.roles, options.permission)) {
      await recordSecurityEvent(await getPrisma(), user, { action: "action_denied", entityType: "ServerAction", entityId: options.name });
      return errorState({}, values, "You do not have permission to do that.");
    }
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return errorState(fieldErrorsFrom(parsed.error), values);

    let outcome: ActionOutcome;
    try {
      outcome = await handler(parsed.data, user);
    } catch (error) {
      if (error instanceof UseCaseError) {
        const fieldErrors = error.fieldErrors;
        const message = Object.keys(fieldErrors).length > 0 && error.code !== "STALE" ? undefined : error.message;
        return errorState(fieldErrors, values, message);
      }
      throw error;
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { ...initialFormState, status: "success", message: outcome?.message };
  };
}
