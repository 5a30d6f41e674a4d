"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { FormErrors } from "@/components/forms/FormErrors";
import { PasswordInput } from "@/components/forms/PasswordInput";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import { ROLE_LABELS, ROLES } from "@/lib/domain/permissions";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
interface SiteOption {
  id: string;
  name: string;
}

const roleItems = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));
const passwordHint = "At least 12 characters. A short phrase of several words is easy to remember and hard to guess.";

function siteSelectOptions(sites: readonly SiteOption[]) {
  return [{ value: "", text: "All sites" }, ...sites.map((site) => ({ value: site.id, text: site.name }))];
}

export function CreateUserForm({ action, sites }: { action: Action; sites: readonly SiteOption[] }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <TextInput name="name" label="Full name" autoComplete="off" spellCheck={false} error={state.fieldErrors.name} defaultValue={state.values.name} />
        <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} error={state.fieldErrors.email} defaultValue={state.values.email} />
        <Checkboxes
          name="roles"
          label="Roles"
          hint="Select all that apply. Only nominated officers can see SCR cases and MAPPA restrictions."
          items={roleItems}
          error={state.fieldErrors.roles}
          defaultValue={state.values.roles?.split("\n")}
        />
        <Select name="siteId" label="Site" options={siteSelectOptions(sites)} error={state.fieldErrors.siteId} defaultValue={state.values.siteId} />
        <PasswordInput name="password" label="Initial password" hint={passwordHint} autoComplete="new-password" error={state.fieldErrors.password} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Add user
        </Button>
      </form>
    </>
  );
}

interface EditableUser {
  id: string;
  version: number;
  name: string;
  roles: string[];
  siteId: string | null;
  active: boolean;
}

export function UpdateUserForm({ action, user, sites }: { action: Action; user: EditableUser; sites: readonly SiteOption[] }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const echoed = state.status === "error";
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <TextInput name="name" label="Full name" spellCheck={false} error={state.fieldErrors.name} defaultValue={echoed ? state.values.name : user.name} />
        <Checkboxes
          name="roles"
          label="Roles"
          items={roleItems}
          error={state.fieldErrors.roles}
          defaultValue={echoed ? state.values.roles?.split("\n") : user.roles}
        />
        <Select name="siteId" label="Site" options={siteSelectOptions(sites)} error={state.fieldErrors.siteId} defaultValue={echoed ? state.values.siteId : (user.siteId ?? "")} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save changes
        </Button>
      </form>
    </>
  );
}

export function UserStatusForm({ action, user }: { action: Action; user: EditableUser }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <Button type="submit" variant={user.active ? "warning" : "secondary"} preventDoubleClick disabled={pending}>
          {user.active ? "Deactivate user" : "Reactivate user"}
        </Button>
      </form>
    </>
  );
}

export function ResetPasswordForm({ action, user }: { action: Action; user: EditableUser }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <PasswordInput name="password" label="New password" hint={`${passwordHint} Resetting signs the user out everywhere.`} autoComplete="new-password" error={state.fieldErrors.password} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Reset password
        </Button>
      </form>
    </>
  );
}

/** Lifts a sign-in lock (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). */
export function UnlockSignInForm({ action, user }: { action: Action; user: Pick<EditableUser, "id" | "version"> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Unlock sign-in
        </Button>
      </form>
    </>
  );
}
