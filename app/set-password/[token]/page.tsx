import { PageHeading } from "@/components/layout/PageHeading";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { loadSetPasswordPage } from "@/lib/server/identity/load-set-password-page";
import { PreSignInShell } from "../../sign-in/PreSignInShell";
import { setPasswordAction } from "./actions";
import { SetPasswordForm } from "./SetPasswordForm";

/**
 * A set-up or reset link (docs/security.md AU-06): the user chooses their own password. Opening
 * the page changes nothing (CS-01); the link is spent only when the password is set.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await loadSetPasswordPage(token);
  if (!link) {
    return (
      <PreSignInShell>
        <PageHeading>This link cannot be used</PageHeading>
        <p className="govuk-body">The link has expired, has already been used, or a newer link has replaced it.</p>
        <p className="govuk-body">Ask an administrator for a new link.</p>
      </PreSignInShell>
    );
  }
  return (
    <PreSignInShell>
      <FormActionScope action={setPasswordAction}>
      <FormHeading caption={link.email}>{link.purpose === "reset" ? "Choose a new password" : "Set your password"}</FormHeading>
      <SetPasswordForm action={setPasswordAction} token={token} />
      </FormActionScope>
    </PreSignInShell>
  );
}
