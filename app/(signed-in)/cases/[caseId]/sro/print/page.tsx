import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadSessro1Page } from "@/lib/server/sro/load-sessro1-page";
import { Sessro1Summary } from "../Sessro1Summary";
import { PrintFrame } from "@/components/layout/PrintFrame";
import { DocumentTitle } from "@/components/layout/DocumentTitle";

/**
 * The completed SESSRO1 to print for the person's signature (13.47, 3.25), in the print frame
 * (components/layout/PrintFrame.tsx): the marking on every sheet, who printed it and when.
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
      <PrintFrame
        printedBy={user.name}
        now={new Date()}
        instructions={
          <p className="govuk-body">
            Print this page, or save it as a PDF, for their signature. Offer them a copy and keep the original (13.47, 3.25).
          </p>
        }
      >
        <span className="govuk-caption-l">Case {form.reference}</span>
        <DocumentTitle>SESSRO1 (print)</DocumentTitle>
        <h1 className="govuk-heading-l">SESSRO1: Statutory Referral Organisation introduction</h1>
        {/* The consent block prints once: the signature section below, not the record's summary of it. */}
        <Sessro1Summary form={form} headingLevel={2} withConsent={false} />
        <section aria-labelledby="sessro1-signature" className="ses-signature">
          <h2 className="govuk-heading-m" id="sessro1-signature">
            Consent and signature
          </h2>
          <p className="govuk-body">
            Signature of the person introduced: <span className="ses-signature-line" />
          </p>
          <p className="govuk-body">
            Date: {form.consent.signedOn ? formatLongDate(form.consent.signedOn) : <span className="ses-signature-line ses-signature-line--short" />}
          </p>
          <p className="govuk-body">
            Signed on behalf of the provider: <span className="ses-signature-line" />
          </p>
        </section>
      </PrintFrame>
    </>
  );
}
