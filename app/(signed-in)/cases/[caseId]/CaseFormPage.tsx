import type { ReactNode } from "react";
import { FormActionFrame } from "@/components/forms/FormActionFrame";
import { casePageTitle } from "@/lib/domain/case-sections";
import type { FormState } from "@/lib/forms/form-state";

/**
 * A one-task page about a case (a note, a contact attempt, the caseworker, the details, a move):
 * the back link, the heading captioned with whose case it is, and a title naming the case. The
 * frame owns the form's action state, so the title starts "Error: " while the form shows errors,
 * without JavaScript too (FormActionFrame; the form takes the state with useFormAction).
 */
export function CaseFormPage({
  view,
  heading,
  back,
  action,
  children,
}: {
  view: { id: string; reference: string; claimant: { name: string } };
  heading: string;
  back: { href: string; text: string };
  /** The server action of the page's form. */
  action: (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormActionFrame
          action={action}
          heading={heading}
          caption={`${view.claimant.name}, ${view.reference}`}
          title={casePageTitle(heading, view.claimant.name, view.reference)}
          back={back}
        >
          {children}
        </FormActionFrame>
      </div>
    </div>
  );
}
