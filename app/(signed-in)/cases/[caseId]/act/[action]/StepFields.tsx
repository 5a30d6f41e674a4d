import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput, type DatePart } from "@/components/forms/DateInput";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { AskedQuestion } from "@/lib/domain/lifecycle/step-form";
import type { FieldErrors } from "@/lib/forms/form-state";

interface StepFieldsProps {
  questions: readonly AskedQuestion[];
  errors: FieldErrors;
  /** The values as posted or typed: dates as `${name}-day|month|year`. */
  values: Record<string, string | undefined>;
}

function Question({
  question,
  errors,
  values,
  revealedQuestions,
}: { question: AskedQuestion; revealedQuestions?: readonly AskedQuestion[] } & Omit<StepFieldsProps, "questions">) {
  const { name, label, hint } = question;
  const error = question.errorNames.map((errorName) => errors[errorName]).find(Boolean);
  switch (question.kind) {
    case "date": {
      const posted = { day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] };
      // The business date is filled in with today until the user changes it (docs/rules/decisions.md: business dates).
      const [year, month, day] = question.initial?.split("-") ?? [];
      const untouched = posted.day === undefined && posted.month === undefined && posted.year === undefined;
      const typed = untouched && question.initial ? { day: String(Number(day)), month: String(Number(month)), year } : posted;
      const errorParts: DatePart[] = datePartsInError(error, typed);
      return <DateInput name={name} label={label} labelSize="s" hint={hint} error={error} errorParts={errorParts} defaultValue={typed} />;
    }
    case "radios": {
      // The questions that apply to one answer sit under it (GOV.UK conditional reveal).
      const items = (question.items ?? []).map((item) => {
        const revealed = (revealedQuestions ?? []).filter((other) => other.revealedBy?.field === name && other.revealedBy.value === item.value);
        return revealed.length === 0
          ? item
          : { ...item, conditional: revealed.map((other) => <Question key={other.name} question={other} errors={errors} values={values} />) };
      });
      return <Radios name={name} label={label} labelSize="s" hint={hint} inline={question.inline} items={items} error={error} defaultValue={values[name]} />;
    }
    case "checkbox":
      return <Checkboxes name={name} label={label} labelSize="s" hint={hint} items={question.items ?? []} error={error} defaultValue={values[name]} />;
    case "text":
      return question.rows ? (
        <Textarea name={name} label={label} labelSize="s" hint={hint} rows={question.rows} maxLength={question.maxLength} error={error} defaultValue={values[name]} />
      ) : (
        <TextInput name={name} label={label} labelSize="s" hint={hint} error={error} defaultValue={values[name]} />
      );
    case "time":
      return <TextInput name={name} label={label} labelSize="s" hint={hint} width={5} inputMode="numeric" spellCheck={false} error={error} defaultValue={values[name]} />;
  }
}

/**
 * The questions a lifecycle step asks (one thing per page), rendered by kind from the step's
 * declaration. Plain markup, no hooks: the same fields render in the check-answers GET form
 * (server) and in the posting form (client).
 */
export function StepFields({ questions, errors, values }: StepFieldsProps) {
  // A revealed question renders under its answer; one whose answer is not on the page renders in place.
  const shownUnder = (question: AskedQuestion) =>
    question.revealedBy !== undefined &&
    questions.some((other) => other.name === question.revealedBy?.field && other.kind === "radios" && (other.items ?? []).some((item) => item.value === question.revealedBy?.value));
  const revealed = questions.filter(shownUnder);
  return questions
    .filter((question) => !shownUnder(question))
    .map((question) => <Question key={question.name} question={question} errors={errors} values={values} revealedQuestions={revealed} />);
}
