import { redirect } from "next/navigation";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { getCurrentUser, getPendingMfaUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { PreSignInShell } from "../PreSignInShell";
import { verifyMfaAction } from "./actions";
import { VerifyMfaForm } from "./TwoFactorForms";

/** The second step of signing in (docs/security.md AU-04). Only a session that passed the password reaches it. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getCurrentUser()) redirect(callbackUrl);
  const pending = await getPendingMfaUser();
  if (!pending) redirect("/sign-in");
  if (pending.step === "enrol") redirect(`/sign-in/two-factor/set-up${callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`);
  return (
    <PreSignInShell signOut>
      <FormActionScope action={verifyMfaAction}>
      <FormHeading>Enter your security code</FormHeading>
      <VerifyMfaForm action={verifyMfaAction} callbackUrl={callbackUrl} />
      </FormActionScope>
    </PreSignInShell>
  );
}
