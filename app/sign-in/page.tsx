import { redirect } from "next/navigation";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { ServiceFooter } from "@/components/layout/ServiceFooter";
import { ServiceHeader } from "@/components/layout/ServiceHeader";
import { getCurrentUser, getPendingMfaUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInAction } from "./sign-in-action";
import { SignInForm } from "./SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getCurrentUser()) redirect(callbackUrl);
  // Part-way through signing in: the second factor is next (docs/security.md AU-04).
  if (await getPendingMfaUser()) redirect(`/sign-in/two-factor${callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`);
  return (
    <>
      <ServiceHeader />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={signInAction}>
              {params.timedOut === "1" && (
                <NotificationBanner title="Signed out">
                  You were signed out because you had not done anything for a while. Sign in again to continue.
                </NotificationBanner>
              )}
              {params.passwordSet === "1" && (
                <NotificationBanner type="success" title="Password set">
                  Your password is set. Sign in with it now.
                </NotificationBanner>
              )}
              {params.signedOut === "1" && (
                <NotificationBanner type="success" title="Signed out">
                  You have signed out.
                </NotificationBanner>
              )}
              <FormHeading title="Sign in">Sign in to SES Casework</FormHeading>
              <SignInForm action={signInAction} callbackUrl={callbackUrl} />
          </FormActionScope>
            </div>
          </div>
        </main>
      </div>
      <ServiceFooter />
    </>
  );
}
