"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/security/client-address";
import { setPasswordSchema } from "@/lib/domain/forms/identity-forms";
import type { FormState } from "@/lib/forms/form-state";
import { errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";
import { setPasswordFromLinkNow } from "@/lib/server/identity/set-password-now";
import { UseCaseError } from "@/lib/server/use-case-error";

/**
 * Setting one's password from a set-up or reset link (docs/security.md AU-06). No session: the
 * link is the proof, checked and spent by the use-case. The passwords are never echoed back.
 */
export async function setPasswordAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const raw = formDataToObject(formData);
  const parsed = setPasswordSchema.safeParse(raw);
  if (!parsed.success) return errorState(fieldErrorsFrom(parsed.error), {});
  const requestHeaders = await headers();
  try {
    await setPasswordFromLinkNow(parsed.data, { ip: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") });
  } catch (error) {
    if (error instanceof UseCaseError) return errorState(error.fieldErrors, {}, Object.keys(error.fieldErrors).length > 0 ? undefined : error.message);
    throw error;
  }
  redirect("/sign-in?passwordSet=1");
}
