"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { Select } from "@/components/forms/Select";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function SignOutUserForm({ action, users }: { action: Action; users: readonly { id: string; name: string; email: string }[] }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      {state.status === "success" && state.message && (
        <NotificationBanner type="success" title="Success">
          {state.message}
        </NotificationBanner>
      )}
      <form action={formAction} noValidate>
        <Select
          name="userId"
          label="User"
          options={[{ value: "", text: "Select a user" }, ...users.map((user) => ({ value: user.id, text: `${user.name} (${user.email})` }))]}
          error={state.fieldErrors.userId}
        />
        <Button type="submit" variant="warning" preventDoubleClick disabled={pending}>
          Sign out everywhere
        </Button>
      </form>
    </>
  );
}
