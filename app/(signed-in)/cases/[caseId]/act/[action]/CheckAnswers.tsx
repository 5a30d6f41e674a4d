import { SummaryList } from "@/components/content/SummaryList";
import { WarningText } from "@/components/content/WarningText";
import { FormActionScope } from "@/components/forms/FormActionFrame";
import { BackLink } from "@/components/layout/BackLink";
import { checkAnswersCopy } from "@/lib/domain/lifecycle/step-pages";
import type { LifecycleStepPage } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { LifecycleConfirmForm, type StepServerAction } from "./LifecycleForms";
import { StepHeading } from "./StepHeading";

/** Check your answers before a step that closes the referral (GOV.UK), then confirm. */
export function CheckAnswers({ page, serverAction }: { page: Extract<LifecycleStepPage, { kind: "check-answers" }>; serverAction: StepServerAction }) {
  const { header, changeHref } = page;
  const copy = checkAnswersCopy(header.action);
  const rows = page.rows.map(({ key, value, change }) => ({
    key,
    value,
    actions: change === undefined ? undefined : [{ href: changeHref, label: "Change", visuallyHiddenText: change }],
  }));
  return (
    <FormActionScope action={serverAction}>
      <BackLink href={changeHref} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <StepHeading header={header} heading={copy.heading} />
          <SummaryList rows={rows} />
          {page.warnings.map((text) => (
            <WarningText key={text}>{text}</WarningText>
          ))}
          <WarningText>This closes the referral. It cannot be undone except by an administrator’s amendment.</WarningText>
          <LifecycleConfirmForm
            serverAction={serverAction}
            caseId={header.caseId}
            version={page.version}
            answers={page.answers}
            submitLabel={copy.confirm}
            warning={page.warning}
          />
          <p className="govuk-body">
            <a className="govuk-link" href={header.casePath}>
              Cancel and return to the case
            </a>
          </p>
        </div>
      </div>
    </FormActionScope>
  );
}
