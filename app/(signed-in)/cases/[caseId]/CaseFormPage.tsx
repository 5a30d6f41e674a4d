import type { ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { casePageTitle } from "@/lib/domain/case-sections";

/**
 * A one-task page about a case (a note, a contact attempt, the caseworker, the details, a move):
 * the back link, the heading captioned with whose case it is, and a title naming the case.
 */
export function CaseFormPage({
  view,
  heading,
  back,
  children,
}: {
  view: { id: string; reference: string; claimant: { name: string } };
  heading: string;
  back: { href: string; text: string };
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back.href} text={back.text} />
        <PageHeading caption={`${view.claimant.name}, ${view.reference}`} title={casePageTitle(heading, view.claimant.name, view.reference)}>
          {heading}
        </PageHeading>
        {children}
      </div>
    </div>
  );
}
