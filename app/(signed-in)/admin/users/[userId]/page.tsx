import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryList } from "@/components/content/SummaryList";
import { Tag } from "@/components/content/Tag";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionsScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { isRole, ROLE_LABELS } from "@/lib/domain/permissions";
import { loadUserPage } from "@/lib/server/users/load-user-page";
import {
  decideRoleChangeAction,
  resetPasswordAction,
  resetUserMfaAction,
  setUserStatusAction,
  signOutUserEverywhereAction,
  unlockSignInAction,
  updateUserAction,
} from "../actions";
import { DecideRoleChangeForm, ResetPasswordForm, UnlockSignInForm, UpdateUserForm, UserButtonForm, UserStatusForm } from "../UserForms";

const CONFIRMATIONS: Record<string, string> = {
  created: "User added. Give them their initial password by a secure route (not email).",
  details: "Changes saved.",
  deactivated: "User deactivated. Their sessions have ended.",
  reactivated: "User reactivated.",
  password: "Password reset. The user has been signed out everywhere.",
  requested: "Changes saved. The nominated officer role change now needs another administrator's approval.",
  approved: "Role change approved. It applies at once.",
  refused: "Role change refused.",
  mfa: "Two-factor authentication reset. The user has been signed out everywhere and sets it up again at their next sign-in.",
  signedOut: "The user has been signed out everywhere.",
  unlocked: "Sign-in unlocked. The user can sign in with their current password.",
};
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireUser("manage:user:any");
  const { userId } = await params;
  const query = await searchParams;
  const { account: user, sites, pendingRoleChanges } = await loadUserPage(actor, userId);
  const locked = Boolean(user.lockedUntil && user.lockedUntil > new Date());
  const confirmation = CONFIRMATIONS[query.created ? "created" : (query.updated ?? "")];
  return (
    <>
      <BackLink href="/admin/users" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {/* One action state per form, so the title starts "Error: " while any of them shows errors, without JavaScript too (UX-03). */}
          <FormActionsScope
            actions={{
              unlock: unlockSignInAction,
              update: updateUserAction,
              password: resetPasswordAction,
              mfa: resetUserMfaAction,
              signOut: signOutUserEverywhereAction,
              status: setUserStatusAction,
            }}
          >
          {confirmation && <NotificationBanner type="success" title="Success">{confirmation}</NotificationBanner>}
          <FormHeading caption="User" title="User">{user.name}</FormHeading>
          <SummaryList
            rows={[
              { key: "Email address", value: user.email },
              { key: "Roles", value: user.roles.filter(isRole).map((role) => ROLE_LABELS[role]).join(", ") },
              { key: user.siteNames.length > 1 ? "Sites" : "Site", value: user.siteNames.length > 0 ? user.siteNames.join(", ") : "All sites" },
              { key: "Status", value: <Tag text={user.active ? "Active" : "Deactivated"} colour={user.active ? "green" : "grey"} /> },
              { key: "Last signed in", value: user.lastSignedInAt ? dateTime.format(user.lastSignedInAt) : "Never" },
              { key: "Two-factor authentication", value: user.mfaEnabledAt ? `Set up ${dateTime.format(user.mfaEnabledAt)}` : "Not set up" },
              ...(locked && user.lockedUntil ? [{ key: "Sign-in locked until", value: dateTime.format(user.lockedUntil) }] : []),
            ]}
          />
          {locked && (
            <>
              <h2 className="govuk-heading-m">Unlock sign-in</h2>
              <p className="govuk-body">Sign-in is locked after repeated failed attempts. Unlock it once you are sure the user is the one trying to sign in.</p>
              <UnlockSignInForm action={unlockSignInAction} user={user} />
            </>
          )}
          {pendingRoleChanges.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Role change waiting for approval</h2>
              {pendingRoleChanges.map((request) => {
                const description = `${request.requestedByName} asked on ${dateTime.format(request.requestedAt)} to ${request.grant ? "give" : "remove"} the ${request.roleLabel.toLowerCase()} role.`;
                return request.requestedByActor || request.userId === actor.id ? (
                  <p className="govuk-body" key={request.id}>
                    {description} Another administrator must approve or refuse it.
                  </p>
                ) : (
                  <DecideRoleChangeForm key={request.id} action={decideRoleChangeAction} request={{ id: request.id, version: request.version, description }} />
                );
              })}
            </>
          )}
          <h2 className="govuk-heading-m">Change details and roles</h2>
          <UpdateUserForm action={updateUserAction} user={user} sites={sites} />
          <h2 className="govuk-heading-m">Reset password</h2>
          <ResetPasswordForm action={resetPasswordAction} user={user} />
          {user.mfaEnabledAt && user.id !== actor.id && (
            <>
              <h2 className="govuk-heading-m">Reset two-factor authentication</h2>
              <p className="govuk-body">For a lost phone with no recovery codes left. The user is signed out everywhere and sets it up again at their next sign-in.</p>
              <UserButtonForm action={resetUserMfaAction} user={user} label="Reset two-factor authentication" name="mfa" />
            </>
          )}
          <h2 className="govuk-heading-m">Sign out everywhere</h2>
          <p className="govuk-body">Ends every session the user has, on every device. They can sign in again.</p>
          <UserButtonForm action={signOutUserEverywhereAction} user={user} label="Sign out everywhere" withVersion={false} name="signOut" />
          <h2 className="govuk-heading-m">{user.active ? "Deactivate" : "Reactivate"}</h2>
          <p className="govuk-body">
            {user.active
              ? "A deactivated user cannot sign in, and any session they have ends at once. Their work stays on record."
              : "The user will be able to sign in again with their current password."}
          </p>
          <UserStatusForm action={setUserStatusAction} user={user} />
          </FormActionsScope>
        </div>
      </div>
    </>
  );
}
