"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { PasswordInput } from "@/components/forms/PasswordInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <PasswordInput name="currentPassword" label="Current password" autoComplete="current-password" error={state.fieldErrors.currentPassword} />
        <PasswordInput
          name="password"
          label="New password"
          hint="At least 12 characters. A short phrase of several words is easy to remember and hard to guess."
          autoComplete="new-password"
          error={state.fieldErrors.password}
        />
        <PasswordInput name="confirmPassword" label="Confirm new password" autoComplete="new-password" error={state.fieldErrors.confirmPassword} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Change password
        </Button>
      </form>
    </>
  );
}
