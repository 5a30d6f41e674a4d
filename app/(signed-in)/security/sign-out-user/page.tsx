import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadSignOutUserPage } from "@/lib/server/identity/load-sign-out-user-page";
import { signOutUserFromSecurityAction } from "../actions";
import { SignOutUserForm } from "./SignOutUserForm";

/**
 * Sign a user out everywhere (docs/security.md SE-05): for a lost laptop or a suspected misuse.
 * Nominated officers and administrators; the 404 page for anyone else. Audited.
 */
export default async function SignOutUserPage() {
  const actor = await requireUser("end:user-sessions:any");
  const users = await loadSignOutUserPage(actor);
  return (
    <>
      <BackLink href="/security" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={signOutUserFromSecurityAction}>
          <FormHeading caption="Security">Sign a user out everywhere</FormHeading>
          <p className="govuk-body">Every session the user has ends at once, on every device. They can sign in again straight away.</p>
          <SignOutUserForm action={signOutUserFromSecurityAction} users={users} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
