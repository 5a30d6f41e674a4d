import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { sessionUserFor } from "@/lib/server/actions/session-step-action";
import { loadMfaEnrolmentPage } from "@/lib/server/identity/load-mfa-enrolment-page";
import { PreSignInShell } from "../../PreSignInShell";
import { enrolMfaAction, finishMfaEnrolmentAction } from "../actions";
import { EnrolMfaForm } from "../TwoFactorForms";

/**
 * Setting up the second factor (docs/security.md AU-04): required at first sign-in for nominated
 * officers, managers and administrators, and open to any signed-in user who has not set one up.
 */
export default async function SetUpTwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  const user = await sessionUserFor("enrol");
  if (!user) redirect("/sign-in");
  // null once set up (the form then offers a way on).
  const offer = await loadMfaEnrolmentPage(user);
  return (
    <PreSignInShell signOut>
      <EnrolMfaForm action={enrolMfaAction} finishAction={finishMfaEnrolmentAction} offer={offer} callbackUrl={callbackUrl} />
    </PreSignInShell>
  );
}
