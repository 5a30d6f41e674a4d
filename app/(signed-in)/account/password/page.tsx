import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { changeOwnPasswordAction } from "../actions";
import { ChangePasswordForm } from "../ChangePasswordForm";

/** Change your own password (docs/security.md AU-06): the current one is needed; other sessions end. */
export default async function ChangePasswordPage() {
  await requireUser();
  return (
    <>
      <BackLink href="/account" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={changeOwnPasswordAction}>
          <FormHeading caption="Your account">Change your password</FormHeading>
          <p className="govuk-body">You stay signed in here. Any other session you have, on another device or browser, ends.</p>
          <ChangePasswordForm action={changeOwnPasswordAction} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
