"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { TextInput } from "@/components/forms/TextInput";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Case search: a POST, so names and NINOs never travel in a URL (HD-05). */
export function SearchForm({ action, term }: { action: Action; term: string | null }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate role="search" aria-label="Cases">
        <TextInput
          name="term"
          label="Search cases"
          labelSize="s"
          hint="Name, National Insurance number, purchase order number or case reference"
          spellCheck={false}
          autoComplete="off"
          width="one-half"
          error={state.fieldErrors.term}
          defaultValue={hasErrors ? state.values.term : (term ?? "")}
        />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Search
        </Button>
      </form>
    </>
  );
}
