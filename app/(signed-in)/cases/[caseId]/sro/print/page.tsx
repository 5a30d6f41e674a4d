import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadSessro1Page } from "@/lib/server/sro/load-sessro1-page";
import { Sessro1Summary } from "../Sessro1Summary";
import { PrintButton } from "./PrintButton";
import { DocumentTitle } from "@/components/layout/DocumentTitle";

/**
 * The completed SESSRO1 to print for the person's signature (13.47, 3.25). A plain page: the print
 * stylesheet (components/components.css) hides `.ses-print-hidden` and the service chrome.
 */
export default async function Sessro1PrintPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const form = await loadSessro1Page(user, caseId, "sessro1.printed");
  return (
    <>
      <div className="ses-print-hidden">
        <BackLink href={`/cases/${form.caseId}#sessro1`} text={`Back to case ${form.reference}`} />
      </div>
      <span className="govuk-caption-l">Case {form.reference}</span>
      <DocumentTitle>SESSRO1 (print)</DocumentTitle>
      <h1 className="govuk-heading-l">SESSRO1: Statutory Referral Organisation introduction</h1>
      <div className="ses-print-hidden">
        <p className="govuk-body">Print this page, or save it as a PDF, for their signature. Offer them a copy and keep the original (13.47, 3.25).</p>
        <PrintButton />
      </div>
      <Sessro1Summary form={form} headingLevel={2} />
      <section aria-labelledby="sessro1-signature" className="ses-signature">
        <h2 className="govuk-heading-m" id="sessro1-signature">
          Consent and signature
        </h2>
        <p className="govuk-body">Signature of the person introduced: ____________________________________</p>
        <p className="govuk-body">
          Date: {form.consent.signedOn ? formatLongDate(form.consent.signedOn) : "____________________"}
        </p>
        <p className="govuk-body">Signed on behalf of the provider: ____________________________________</p>
      </section>
    </>
  );
}
