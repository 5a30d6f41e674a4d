"use client";

import { useActionState } from "react";
import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { PageHeading } from "@/components/layout/PageHeading";
import { TextInput } from "@/components/forms/TextInput";
import { ROLE_LABELS, ROLES } from "@/lib/domain/permissions";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
interface SiteOption {
  id: string;
  name: string;
}

const roleItems = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));

function siteItems(sites: readonly SiteOption[]) {
  return sites.map((site) => ({ value: site.id, text: site.name }));
}

const SITES_HINT = "Select all that apply. Caseworkers are offered the cases of their sites. Select none for a user who works across all sites.";

/**
 * The link a user sets their own password with (docs/security.md AU-06), shown to the
 * administrator once, to hand over by a secure route; it is never stored in a URL or shown again.
 */
function PasswordLinkNotice({ title, link, expires, children }: { title: string; link: string; expires: string; children?: React.ReactNode }) {
  return (
    <NotificationBanner type="success" title="Success">
      <p className="govuk-notification-banner__heading">{title}</p>
      <p className="govuk-body">Give the user this link by a secure route (not email). It works once and expires on {expires}. You will not see it again.</p>
      <p className="govuk-body">
        <code className="ses-password-link">{link}</code>
      </p>
      {children}
    </NotificationBanner>
  );
}

export function CreateUserForm({ action, sites }: { action: Action; sites: readonly SiteOption[] }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  if (state.status === "success" && state.data?.link) {
    return (
      <>
        <PageHeading>User added</PageHeading>
        <PasswordLinkNotice title="User added. They set their own password with their set-up link." link={state.data.link} expires={state.data.expires}>
          {state.data.roleChangeRequested && (
            <p className="govuk-body">The nominated officer role needs another administrator&apos;s approval before it applies.</p>
          )}
        </PasswordLinkNotice>
        <p className="govuk-body">
          <a className="govuk-link" href={`/admin/users/${state.data.userId}`}>
            Go to the user
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <FormErrors state={state} />
      <PageHeading error={state.status === "error"}>Add a user</PageHeading>
      <form action={formAction} noValidate>
        <TextInput name="name" label="Full name" autoComplete="off" spellCheck={false} error={state.fieldErrors.name} defaultValue={state.values.name} />
        <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} error={state.fieldErrors.email} defaultValue={state.values.email} />
        <Checkboxes
          name="roles"
          label="Roles"
          hint="Select all that apply. Only nominated officers can see SCR cases and MAPPA restrictions; giving that role needs a second administrator's approval."
          items={roleItems}
          error={state.fieldErrors.roles}
          defaultValue={state.values.roles?.split("\n")}
        />
        <Checkboxes name="siteIds" label="Sites" hint={SITES_HINT} items={siteItems(sites)} error={state.fieldErrors.siteIds} defaultValue={state.values.siteIds?.split("\n")} />
        <p className="govuk-body">You will get a set-up link for the user to choose their own password.</p>
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
  siteIds: string[];
  active: boolean;
}

export function UpdateUserForm({ action, user, sites }: { action: Action; user: EditableUser; sites: readonly SiteOption[] }) {
  const [state, formAction, pending] = useFormAction(action, "update");
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
        <Checkboxes
          name="siteIds"
          label="Sites"
          hint={SITES_HINT}
          items={siteItems(sites)}
          error={state.fieldErrors.siteIds}
          defaultValue={echoed ? state.values.siteIds?.split("\n") : user.siteIds}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save changes
        </Button>
      </form>
    </>
  );
}

export function UserStatusForm({ action, user }: { action: Action; user: EditableUser }) {
  const [state, formAction, pending] = useFormAction(action, "status");
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
  const [state, formAction, pending] = useFormAction(action, "password");
  if (state.status === "success" && state.data?.link) {
    return <PasswordLinkNotice title="Password reset. The user has been signed out everywhere and their old password no longer works." link={state.data.link} expires={state.data.expires} />;
  }
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <p className="govuk-body">You get a reset link for the user to choose a new password. Their current password stops working and they are signed out everywhere.</p>
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Reset password
        </Button>
      </form>
    </>
  );
}

/** A one-button form posting the user's id and version (resetting MFA, signing out everywhere). */
/** `name`: the form's key in the page's FormActionsScope, if the page has one. */
export function UserButtonForm({
  action,
  user,
  label,
  withVersion = true,
  name,
}: {
  action: Action;
  user: EditableUser;
  label: string;
  withVersion?: boolean;
  name?: string;
}) {
  const [state, formAction, pending] = useFormAction(action, name);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction}>
        <input type="hidden" name="userId" value={user.id} />
        {withVersion && <input type="hidden" name="version" value={user.version} />}
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          {label}
        </Button>
      </form>
    </>
  );
}

interface RoleChangeRequestView {
  id: string;
  version: number;
  description: string;
}

/** A second administrator approves or refuses a nominated officer role change, with a reason (AC-06). */
export function DecideRoleChangeForm({ action, request }: { action: Action; request: RoleChangeRequestView }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="requestId" value={request.id} />
        <input type="hidden" name="version" value={request.version} />
        <Radios
          name="decision"
          label={request.description}
          items={[
            { value: "approve", text: "Approve the change" },
            { value: "refuse", text: "Refuse the change" },
          ]}
          error={state.fieldErrors.decision}
          defaultValue={state.values.decision}
        />
        <Textarea name="reason" label="Reason" error={state.fieldErrors.reason} defaultValue={state.values.reason} rows={3} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record decision
        </Button>
      </form>
    </>
  );
}

/** Lifts a sign-in lock (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). */
export function UnlockSignInForm({ action, user }: { action: Action; user: Pick<EditableUser, "id" | "version"> }) {
  const [state, formAction, pending] = useFormAction(action, "unlock");
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
