"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { PasswordInput } from "@/components/forms/PasswordInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export const PASSWORD_HINT = "At least 12 characters. A short phrase of several words is easy to remember and hard to guess.";

export function SetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <PasswordInput name="password" label="New password" hint={PASSWORD_HINT} autoComplete="new-password" error={state.fieldErrors.password} />
        <PasswordInput name="confirmPassword" label="Confirm new password" autoComplete="new-password" error={state.fieldErrors.confirmPassword} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Set password
        </Button>
      </form>
    </>
  );
}
