import { classNames } from "../class-names";
import { PageHeading } from "../layout/PageHeading";
import { Button } from "./Button";

export interface CheckAnswersRow {
  key: string;
  value: string;
  /** The field "Change" goes back to. */
  field: string;
}

export interface CheckAnswersDeadline {
  label: string;
  dueOn: string;
  paragraphs: string;
  passed: boolean;
}

export interface CheckAnswersStepProps {
  caption: string;
  heading: string;
  sections: ReadonlyArray<{ title: string; rows: readonly CheckAnswersRow[] }>;
  /** The deadlines the answers give, counted as they would be once saved. */
  deadlines: readonly CheckAnswersDeadline[];
  /** What the deadlines count from, completing "These deadlines count from …". */
  deadlinesFrom: string;
  /** Said instead when no deadline runs yet. */
  noDeadlines?: string;
  /** Every posted answer, sent again as hidden fields: nothing is stored before the user confirms. */
  values: Readonly<Record<string, string>>;
  formAction: (formData: FormData) => void;
  /** The submit buttons' name; "record" saves, "change:<field>" goes back to the field. */
  intentField: string;
  submitLabel: string;
  pending?: boolean;
}

/**
 * GOV.UK "check answers" before a case is created (docs/decisions/0018-check-answers-before-a-case-is-created.md).
 * Every "Change" is a submit button that looks like a link: it posts the answers back to the
 * questions, so nothing typed is lost, with or without JavaScript.
 */
export function CheckAnswersStep({ caption, heading, sections, deadlines, deadlinesFrom, noDeadlines, values, formAction, intentField, submitLabel, pending }: CheckAnswersStepProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading caption={caption}>{heading}</PageHeading>
        <h2 className="govuk-heading-m">Key deadlines</h2>
        {deadlines.length === 0 ? (
          <p className="govuk-body">{noDeadlines ?? "No deadline runs until the next step is recorded."}</p>
        ) : (
          <>
            <p className="govuk-body">
              These deadlines count from {deadlinesFrom}, in working days where the provision is delivered. Check the dates before you
              record: a wrong date moves every deadline.
            </p>
            <dl className="govuk-summary-list" data-testid="key-deadlines">
              {deadlines.map((deadline) => (
                <div key={deadline.label} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{deadline.label}</dt>
                  <dd className="govuk-summary-list__value">
                    {deadline.dueOn}
                    {deadline.passed && <strong className="govuk-tag govuk-tag--red ses-tag--inline">Already passed</strong>}
                    <span className="govuk-hint govuk-!-margin-bottom-0">Guidance {deadline.paragraphs}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <form action={formAction} noValidate>
          {Object.entries(values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {sections.map((section) => (
            <section key={section.title}>
              <h2 className="govuk-heading-m">{section.title}</h2>
              <dl className="govuk-summary-list govuk-!-margin-bottom-9">
                {section.rows.map((row) => (
                  <div key={`${row.field}:${row.key}`} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{row.key}</dt>
                    <dd className={classNames("govuk-summary-list__value", "ses-pre-line")}>{row.value}</dd>
                    <dd className="govuk-summary-list__actions">
                      <button type="submit" name={intentField} value={`change:${row.field}`} className="govuk-link ses-link-button">
                        Change<span className="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
                      </button>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <Button name={intentField} value="record" preventDoubleClick disabled={pending}>
            {submitLabel}
          </Button>
        </form>
      </div>
    </div>
  );
}
