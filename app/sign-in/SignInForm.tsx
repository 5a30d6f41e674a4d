"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { PasswordInput } from "@/components/forms/PasswordInput";
import { TextInput } from "@/components/forms/TextInput";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import type { FormState } from "@/lib/forms/form-state";

interface SignInFormProps {
  action: (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
  callbackUrl: string;
}

export function SignInForm({ action, callbackUrl }: SignInFormProps) {
  const [state, formAction, pending] = useFormAction(action);
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          error={state.fieldErrors.email}
          defaultValue={state.values.email}
        />
        <PasswordInput name="password" label="Password" autoComplete="current-password" error={state.fieldErrors.password} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Sign in
        </Button>
      </form>
    </>
  );
}
