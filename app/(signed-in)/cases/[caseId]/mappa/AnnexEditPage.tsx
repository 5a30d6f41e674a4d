import { casePageTitle } from "@/lib/domain/case-sections";
import type { ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";

/** The frame of every MAPPA annex edit page: back to the annex, the case in the caption, a heading, a lead paragraph and the form. */
export function AnnexEditPage({
  annex,
  heading,
  lead,
  children,
}: {
  annex: { caseId: string; reference: string; claimantName: string };
  heading: string;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={casePageTitle(heading, annex.claimantName, annex.reference)} caption={`Case ${annex.reference}, ${annex.claimantName}`}>{heading}</PageHeading>
          <p className="govuk-body">{lead}</p>
          {children}
        </div>
      </div>
    </>
  );
}
