import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { TextInput } from "@/components/forms/TextInput";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";

const ERRORS: Record<string, string> = {
  invalid: "Enter a National Insurance number in the correct format, like QQ 12 34 56 C",
  "not-found": "No records are held for that National Insurance number",
};

/**
 * Subject access request (docs/security.md DP-03; docs/decisions/0021-data-protection-and-least-privilege.md):
 * one National Insurance number in, a ZIP of everything held on it out. Nominated officers and
 * administrators only. The form posts the number in the body (HD-05) to /subject-access/export.
 */
export default async function SubjectAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("export:subject-access:any");
  const { error: code } = await searchParams;
  const error = code ? ERRORS[code] : undefined;
  const officer = can(user.roles, "read:restricted-case:any");
  return (
    <>
      <ErrorTitle hasErrors={error !== undefined} />
      {error && <ErrorSummary errors={{ nino: error }} />}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption="Data protection">Subject access request</PageHeading>
          <p className="govuk-body">
            Download everything held about one participant: their details, cases, referrals, forms, contact attempts, notes and the access log of
            their cases, as a ZIP file of JSON and CSV. Staff are shown by role only. Each download is recorded.
          </p>
          {!officer && <p className="govuk-body">Records a nominated officer holds for restricted cases are not included: ask a nominated officer for those.</p>}
          <form method="post" action="/subject-access/export" noValidate>
            <TextInput
              name="nino"
              label="National Insurance number"
              labelSize="m"
              hint="For example, QQ 12 34 56 C"
              width={10}
              spellCheck={false}
              autoCapitalize="characters"
              autoComplete="off"
              error={error}
            />
            <Button type="submit">Download the records (ZIP)</Button>
          </form>
        </div>
      </div>
    </>
  );
}
