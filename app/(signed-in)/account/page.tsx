import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryList } from "@/components/content/SummaryList";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadAccountPage } from "@/lib/server/identity/load-account-page";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** The signed-in user's own account: their password and second factor (docs/security.md AU-04, AU-06). */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const query = await searchParams;
  const account = await loadAccountPage(user);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {query.updated === "password" && (
          <NotificationBanner type="success" title="Success">
            Password changed. Any other session you had has ended.
          </NotificationBanner>
        )}
        <PageHeading>Your account</PageHeading>
        <SummaryList
          rows={[
            { key: "Name", value: user.name },
            { key: "Email address", value: account.email },
            {
              key: "Password",
              value: `Last changed ${dateTime.format(account.passwordChangedAt)}`,
              actions: [{ href: "/account/password", label: "Change", visuallyHiddenText: "your password" }],
            },
            {
              key: "Two-factor authentication",
              value: account.mfaEnabledAt
                ? `Set up ${dateTime.format(account.mfaEnabledAt)}. ${account.recoveryCodesLeft} recovery code${account.recoveryCodesLeft === 1 ? "" : "s"} left.`
                : "Not set up",
              actions: account.mfaEnabledAt ? [] : [{ href: "/sign-in/two-factor/set-up?callbackUrl=%2Faccount", label: "Set up", visuallyHiddenText: "two-factor authentication" }],
            },
          ]}
        />
      </div>
    </div>
  );
}
