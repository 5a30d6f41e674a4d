import { redirect } from "next/navigation";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { PageHeading } from "@/components/layout/PageHeading";
import { ServiceFooter } from "@/components/layout/ServiceFooter";
import { ServiceHeader } from "@/components/layout/ServiceHeader";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInAction } from "./sign-in-action";
import { SignInForm } from "./SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <>
      <ServiceHeader />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              {params.signedOut === "1" && (
                <NotificationBanner type="success" title="Signed out">
                  You have signed out.
                </NotificationBanner>
              )}
              <PageHeading title="Sign in">Sign in to SES Casework</PageHeading>
              <SignInForm action={signInAction} callbackUrl={callbackUrl} />
            </div>
          </div>
        </main>
      </div>
      <ServiceFooter />
    </>
  );
}
