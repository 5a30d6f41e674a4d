"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/domain/permissions";
import { expectFromReconciliationSchema, importMappingSchema, importUploadSchema } from "@/lib/domain/import/import-forms";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";
import { authorisedAction, requestDependencies } from "@/lib/server/actions/authorised-action";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { commitImport } from "@/lib/server/imports/continue-import";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { expectFromReconciliationRow } from "@/lib/server/imports/expect-from-reconciliation";
import { startImport } from "@/lib/server/imports/start-import";
import { UseCaseError } from "@/lib/server/use-case-error";

/**
 * Upload a spreadsheet (docs/decisions/0023-bulk-import-and-expected-referrals.md). The one action
 * that takes a file, so it does what authorisedAction does (session, permission, strict schema,
 * use-case errors as GOV.UK errors) and reads the file itself; next.config.js raises the body
 * limit to the 20 MB an import may be.
 */
export async function uploadImportAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const user = await requestDependencies.currentUser();
  if (!user) redirect("/sign-in");
  const db = await requestDependencies.database();
  const raw = formDataToObject(formData);
  if (!can(user.roles, "import:referral:any")) {
    await recordSecurityEvent(db, user, { action: "action_denied", entityType: "ServerAction", entityId: "uploadImport" });
    return errorState({}, raw as Record<string, string>, "You do not have permission to do that.");
  }
  const parsed = importUploadSchema.safeParse(raw);
  const file = formData.get("file");
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (!(file instanceof File) || file.size === 0 && file.name === "") fieldErrors.file = "Select a CSV or Excel (XLSX) file";
  if (!parsed.success || Object.keys(fieldErrors).length > 0 || !(file instanceof File)) return errorState(fieldErrors, raw as Record<string, string>);
  let importId: string;
  try {
    ({ importId } = await startImport(db, user, { ...parsed.data, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
  } catch (error) {
    if (error instanceof UseCaseError) return errorState(error.fieldErrors, raw as Record<string, string>, Object.keys(error.fieldErrors).length > 0 ? undefined : error.message);
    throw error;
  }
  redirect(`/referrals/import/${importId}`);
  return initialFormState;
}

export const confirmImportMappingAction = authorisedAction(
  { name: "confirmImportMapping", permission: "import:referral:any", schema: importMappingSchema },
  async (input, user, db) => {
    const { reconciliationId } = await confirmImportMapping(db, user, input);
    return { redirectTo: reconciliationId ? `/referrals/reconciliations/${reconciliationId}` : `/referrals/import/${input.importId}` };
  },
);

export const commitImportAction = authorisedAction(
  {
    name: "commitImport",
    permission: "import:referral:any",
    schema: z.object({ importId: z.uuid({ error: "That import could not be found." }), version: z.coerce.number().int().min(1) }).strict(),
  },
  async (input, user, db) => {
    await commitImport(db, user, input);
    return { redirectTo: `/referrals/import/${input.importId}` };
  },
);

/** "In the spreadsheet, no case": record the row as an expected referral in one click (idempotent per row). */
export const expectFromReconciliationRowAction = authorisedAction(
  { name: "expectFromReconciliationRow", permission: "create:referral:any", schema: expectFromReconciliationSchema },
  async (input, user, db) => {
    await expectFromReconciliationRow(db, user, input);
    return { redirectTo: `/referrals/reconciliations/${input.reconciliationId}?list=noCase&made=${input.rowNumber}` };
  },
);
