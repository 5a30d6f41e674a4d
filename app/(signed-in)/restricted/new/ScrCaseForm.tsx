"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { Button } from "@/components/forms/Button";
import { CheckAnswersStep } from "@/components/forms/CheckAnswersStep";
import { DateInput } from "@/components/forms/DateInput";
import { Fieldset } from "@/components/forms/Fieldset";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import { scrCaseAnswers } from "@/lib/domain/forms/scr-case-answers";
import { INTENT_CHECK, INTENT_FIELD } from "@/lib/forms/check-answers-intent";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/**
 * Record a received SL2 as a new SCR case. Plain POST without JavaScript; every value is echoed
 * back after an error. The submission id rendered with the page makes a double submit harmless.
 * "Continue" shows the answers and the start deadline they give before the case is created
 * (docs/decisions/0018-check-answers-before-a-case-is-created.md); the form renders the page's
 * heading so its title starts "Error: " with or without JavaScript (UX-03).
 */
export function ScrCaseForm({
  action,
  sites,
  defaults,
  intro,
}: {
  action: Action;
  sites: readonly { id: string; name: string }[];
  defaults: { siteId: string; submissionId: string };
  intro?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const hasErrors = state.status === "error";
  const echoed = hasErrors || (state.status === "idle" && Object.keys(state.values).length > 0);
  useEffect(() => {
    if (state.status === "idle" && state.focus) document.getElementById(state.focus)?.focus();
  }, [state]);
  const value = (name: string, initial = "") => (echoed ? (state.values[name] ?? "") : initial);
  const text = (name: string) => ({ error: state.fieldErrors[name], defaultValue: value(name) });
  const received = dateFieldPropsFrom(state, "receivedOn");
  const receivedParts = received.errorParts.length > 0 ? received.errorParts : datePartsInError(received.error, received.defaultValue);
  if (state.status === "review" && state.review) {
    return (
      <CheckAnswersStep
        caption="Special Customer Record"
        heading="Check your answers before recording the SL2"
        sections={scrCaseAnswers(state.values, (id) => sites.find((site) => site.id === id)?.name)}
        deadlines={state.review.deadlines}
        deadlinesFrom="the date the SL2 was received"
        values={state.values}
        formAction={formAction}
        intentField={INTENT_FIELD}
        submitLabel="Create the SCR case"
        pending={pending}
      />
    );
  }
  return (
    <>
      <BackLink href="/restricted" text="Back to restricted cases" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption="Special Customer Record" error={hasErrors}>
            Record a received SL2
          </PageHeading>
          {intro}
          {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
          <form action={formAction} noValidate>
            <input type="hidden" name="submissionId" value={value("submissionId", defaults.submissionId)} />
            <Fieldset legend="The SL2" legendSize="m">
              <DateInput
                name="receivedOn"
                label="When was the SL2 received?"
                hint="The 20-working-day start target runs from this date. For example, 19 11 2026"
                error={received.error}
                errorParts={receivedParts}
                defaultValue={echoed ? received.defaultValue : {}}
              />
              <Select
                name="siteId"
                label="Site"
                hint="Where the provision is delivered. Its nation’s bank holidays decide the working days."
                options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]}
                error={state.fieldErrors.siteId}
                defaultValue={value("siteId", defaults.siteId)}
              />
            </Fieldset>
            <Fieldset legend="The person, from SL2 page 1" legendSize="m">
              <TextInput name="title" label="Title (optional)" width={5} spellCheck={false} {...text("title")} />
              <TextInput name="forename" label="Forename" width="two-thirds" spellCheck={false} autoComplete="off" {...text("forename")} />
              <TextInput name="surname" label="Surname" width="two-thirds" spellCheck={false} autoComplete="off" {...text("surname")} />
              <TextInput
                name="nino"
                label="National Insurance number (optional)"
                hint="It’s on the National Insurance card, benefit letter, payslip or P60. For example, ‘AB 12 34 56 C’."
                width={10}
                spellCheck={false}
                autoCapitalize="characters"
                {...text("nino")}
              />
              <TextInput name="telephone" label="Telephone (optional)" type="tel" width={20} autoComplete="off" {...text("telephone")} />
            </Fieldset>
            <Fieldset legend="The JCP nominated officer who sent it" legendSize="m">
              <TextInput name="jcpOfficerName" label="Name" width="two-thirds" spellCheck={false} autoComplete="off" {...text("jcpOfficerName")} />
              <TextInput name="jcpOfficerOffice" label="Jobcentre or office (optional)" width="two-thirds" {...text("jcpOfficerOffice")} />
              <TextInput name="jcpOfficerPhone" label="Telephone (optional)" type="tel" width={20} autoComplete="off" {...text("jcpOfficerPhone")} />
              <TextInput name="jcpOfficerEmail" label="Email address (optional)" type="email" spellCheck={false} autoComplete="off" {...text("jcpOfficerEmail")} />
            </Fieldset>
            <Button type="submit" name={INTENT_FIELD} value={INTENT_CHECK} preventDoubleClick disabled={pending}>
              Continue
            </Button>
          </form>
        </div>
      </div>
    </>
  );
}
