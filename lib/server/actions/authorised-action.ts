import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { can, type Permission } from "@/lib/domain/permissions";
import { initialFormState, type CheckAnswersReview, type FormState } from "@/lib/forms/form-state";
import { controlCharacterErrors, echoValues, errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";
import { postedCaseId } from "@/lib/server/audit/record-refused-request";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { UseCaseError } from "@/lib/server/use-case-error";

/**
 * `review`: the input is valid and is shown back to be checked; nothing was saved (status "review").
 * `data`: what a successful action shows once and never stores in a URL (a set-up link, recovery codes).
 */
export type ActionOutcome = { redirectTo?: string; message?: string; data?: Record<string, string>; review?: CheckAnswersReview } | void;

/** The database handle the chain gives a handler (the app never opens it itself). */
export type ActionDatabase = PrismaClient;

/** What the chain needs from the outside world; tests pass their own (a user, a test database). */
export interface ChainDependencies {
  currentUser(): Promise<CurrentUser | null>;
  database(): Promise<PrismaClient>;
}

export const requestDependencies: ChainDependencies = { currentUser: getCurrentUser, database: getPrisma };

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
 * schema (unknown keys refused, docs/security.md AC-04), hands the use-case the database, and
 * maps use-case errors to the GOV.UK error pattern. The use-case re-checks the permission inside
 * its transaction as well.
 */
export function authorisedAction<Schema extends z.ZodType>(
  options: ActionOptions<Schema>,
  handler: (input: z.output<Schema>, user: CurrentUser, db: PrismaClient) => Promise<ActionOutcome>,
  dependencies: ChainDependencies = requestDependencies,
): (previous: FormState | undefined, formData: FormData) => Promise<FormState> {
  const action = async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    const user = await dependencies.currentUser();
    if (!user) redirect("/sign-in");
    const raw = formDataToObject(formData, options.arrayFields);
    const values = echoValues(raw, options.secretFields);
    const db = await dependencies.database();
    if (!can(user.roles, options.permission)) {
      await recordSecurityEvent(db, user, { action: "action_denied", entityType: "ServerAction", entityId: options.name });
      return errorState({}, values, "You do not have permission to do that.");
    }
    // docs/security.md IV-01: a control character in any posted field is a field error, whatever
    // the schema says of that field — PostgreSQL cannot store NUL, and nothing posted needs one.
    const controlErrors = controlCharacterErrors(raw);
    if (controlErrors) return errorState(controlErrors, values);
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return errorState(fieldErrorsFrom(parsed.error), values);

    let outcome: ActionOutcome;
    try {
      outcome = await handler(parsed.data, user, db);
    } catch (error) {
      if (error instanceof UseCaseError) {
        // A NOT_FOUND for a posted case id (an SCR id, another organisation's, a random one) is a
        // refused request: its security event is written here, after the use-case's transaction
        // rolled back, keyed by the id so it is listed in that case's access log (LG-03).
        const caseId = error.code === "NOT_FOUND" ? postedCaseId(raw) : null;
        if (caseId) await recordSecurityEvent(db, user, { action: "action_not_found", entityType: "Case", entityId: caseId, reason: options.name });
        const fieldErrors = error.fieldErrors;
        const message = Object.keys(fieldErrors).length > 0 && error.code !== "STALE" ? undefined : error.message;
        return errorState(fieldErrors, values, message);
      }
      throw error;
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    if (outcome?.review) return { ...initialFormState, status: "review", values, review: outcome.review };
    return { ...initialFormState, status: "success", message: outcome?.message, ...(outcome?.data ? { data: outcome.data } : {}) };
  };
  declareForm(action, { schema: options.schema, arrayFields: options.arrayFields ?? [] });
  return action;
}

export interface DeclaredForm {
  schema: z.ZodType;
  arrayFields: readonly string[];
}
const declaredForms = new WeakMap<object, DeclaredForm>();

/**
 * The schema an action parses its post with, kept beside the action on the server only (never
 * sent to a browser): the fuzz test (docs/security.md IV-01) builds a valid post from it and then
 * spoils one field at a time.
 */
export function declareForm(action: object, form: DeclaredForm): void {
  declaredForms.set(action, form);
}
export function declaredFormOf(action: object): DeclaredForm | null {
  return declaredForms.get(action) ?? null;
}
