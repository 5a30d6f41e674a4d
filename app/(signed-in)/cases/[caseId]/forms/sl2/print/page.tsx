import { casePageTitle } from "@/lib/domain/case-sections";
import type { ReactNode } from "react";
import { SummaryList } from "@/components/content/SummaryList";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { STRAND_LABELS } from "@/lib/domain/case-labels";
import { formatNino } from "@/lib/domain/identifiers";
import { loadSl2Page } from "@/lib/server/scr/load-sl2-page";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { PrintFrame } from "@/components/layout/PrintFrame";

const on = (date: string | null, otherwise = "Not yet") => (date ? formatLongDate(date) : otherwise);

/**
 * One printed page of the SL2. 13.77 / 3.43: “SCR participant” (2016) or “SCR customer” (2017)
 * clearly marked at the top of each form — so every page starts with the marking, and each page
 * after the first starts on a new sheet of paper when printed.
 */
function PrintedPage({ marking, first, title, children }: { marking: string; first?: boolean; title: string; children: ReactNode }) {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <section aria-labelledby={id} className={first ? "ses-sl2-page" : "ses-sl2-page govuk-!-margin-top-9 print:break-before-page"} data-sl2-page>
      <p className="govuk-body-l govuk-!-font-weight-bold border-4 border-solid border-current p-2 text-center" data-scr-marking>
        {marking}
      </p>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The SL2 as the nominated officer completes it, to print and return by secure means (13.55–13.57,
 * 3.31). Nominated officers only; every read is audited (LG-01). The app holds only what it records:
 * it does not invent the paper form's boxes (docs/rules/forms.md; docs/rules/decisions.md: form templates).
 */
export default async function Sl2PrintPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:restricted-case:any");
  const { caseId } = await params;
  const sl2 = await loadSl2Page(user, caseId, "sl2.print_restricted_read");
  const officer = sl2.jcpNominatedOfficer;
  return (
    <>
      <div className="ses-print-hidden">
        <BackLink href={`/cases/${sl2.caseId}/forms`} text="Back to forms and letters" />
      </div>
      <PrintFrame printedBy={user.name} now={new Date()}>
        <span className="govuk-caption-l">Case {sl2.reference}</span>
        <DocumentTitle>{casePageTitle("SL2 clerical referral", "", sl2.reference)}</DocumentTitle>
        <h1 className="govuk-heading-l">SL2 clerical referral: {sl2.marking}</h1>
        <p className="govuk-body ses-print-hidden">
          Use your browser’s print option. Every page prints with “{sl2.marking}” at the top (13.77, 3.43). Return it only by a
          secure method and store your copy securely (13.57, 13.78, 3.44).
        </p>

        <PrintedPage marking={sl2.marking} first title="SL2 page 1 of 3">
          <SummaryList
            rows={[
              { key: "Name", value: sl2.claimant.name },
              { key: "National Insurance number", value: sl2.claimant.nino ? formatNino(sl2.claimant.nino) : "Not given" },
              { key: "Telephone", value: sl2.claimant.telephone ?? "Not given" },
              { key: "Provider site", value: sl2.siteName },
              { key: "SL2 received", value: on(sl2.receivedOn) },
              { key: "Page 1 completed", value: on(sl2.page1CompletedOn) },
              { key: "Page 1 returned", value: sl2.page1ReturnedOn ? `${formatLongDate(sl2.page1ReturnedOn)}, ${sl2.page1ReturnMethod ?? ""}` : "Not yet" },
              { key: "Pages 2 and 3", value: sl2.pages2And3Retained ? "Kept by the provider (13.55)" : "Not yet recorded as kept" },
              {
                key: "JCP nominated officer",
                value: officer ? [officer.name, officer.organisation, officer.phone, officer.email].filter(Boolean).join(", ") : "Not recorded",
              },
            ]}
          />
        </PrintedPage>

        <PrintedPage marking={sl2.marking} title="Referral form, after the assessment">
          <SummaryList
            rows={[
              { key: "State", value: CASE_STATE_LABELS[sl2.state] },
              { key: "Assessment held", value: on(sl2.assessment?.heldOn ?? null) },
              { key: "Outcome", value: sl2.assessment?.outcome === "recommended" ? "Recommended" : sl2.assessment?.outcome === "not_recommended" ? "Not suitable" : "Not recorded" },
              { key: "Strand", value: sl2.assessment?.strand ? STRAND_LABELS[sl2.assessment.strand as keyof typeof STRAND_LABELS] : "Not decided" },
              { key: "Started (initial engagement)", value: on(sl2.startedOn) },
              {
                key: "Referral form returned",
                value: sl2.referralFormReturnedOn ? `${formatLongDate(sl2.referralFormReturnedOn)}, ${sl2.referralFormReturnMethod ?? ""}` : "Not yet",
              },
            ]}
          />
        </PrintedPage>
      </PrintFrame>
    </>
  );
}
