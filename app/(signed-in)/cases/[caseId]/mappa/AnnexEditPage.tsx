import { casePageTitle } from "@/lib/domain/case-sections";
import type { ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import type { FormState } from "@/lib/forms/form-state";

/**
 * The frame of every MAPPA annex edit page: back to the annex, the case in the caption, a heading, a lead paragraph and the form.
 * It owns the form's action state (FormActionScope), so the title starts "Error: " while the form shows errors, without JavaScript too.
 */
export function AnnexEditPage({
  annex,
  heading,
  lead,
  action,
  children,
}: {
  annex: { caseId: string; reference: string; claimantName: string };
  heading: string;
  lead: ReactNode;
  /** The server action of the page's form. */
  action: (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
  children: ReactNode;
}) {
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={action}>
            <FormHeading title={casePageTitle(heading, annex.claimantName, annex.reference)} caption={`Case ${annex.reference}, ${annex.claimantName}`}>
              {heading}
            </FormHeading>
            <p className="govuk-body">{lead}</p>
            {children}
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
