"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { Button } from "@/components/forms/Button";
import { CheckAnswersStep } from "@/components/forms/CheckAnswersStep";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Fieldset } from "@/components/forms/Fieldset";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { sroIntroductionAnswers } from "@/lib/domain/forms/sro-introduction-answers";
import { INCOMPATIBLE_PROGRAMME_OPTIONS } from "@/lib/domain/forms/sro-introduction-forms";
import { INTENT_CHECK, INTENT_FIELD } from "@/lib/forms/check-answers-intent";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/**
 * SESSRO1 Parts 1 and 2, completed during the SRO's introductory phone call (13.42, 3.21), then
 * checked on a check-your-answers page before the case is created
 * (docs/decisions/0018-check-answers-before-a-case-is-created.md). The form renders the page's
 * heading so its title starts "Error: " with or without JavaScript (UX-03).
 */
export function SroIntroductionForm({
  action,
  sites,
  defaults,
  intro,
}: {
  action: Action;
  sites: readonly { id: string; name: string }[];
  defaults: { siteId: string; today: string };
  intro?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const field = stateFieldProps(state);
  useEffect(() => {
    if (state.status === "idle" && state.focus) document.getElementById(state.focus)?.focus();
  }, [state]);
  if (state.status === "review" && state.review) {
    return (
      <CheckAnswersStep
        caption="New introduction"
        heading="Check your answers before recording the introduction"
        sections={sroIntroductionAnswers(state.values, (id) => sites.find((site) => site.id === id)?.name)}
        deadlines={state.review.deadlines}
        deadlinesFrom="the date of the call"
        noDeadlines="No SES deadline runs yet: the person is introduced, not referred, until you confirm at the first meeting that they are eligible and suitable and Jobcentre Plus makes the PRaP referral (13.44, 3.23)."
        values={state.values}
        formAction={formAction}
        intentField={INTENT_FIELD}
        submitLabel="Record the introduction"
        pending={pending}
      />
    );
  }
  return (
    <>
      <BackLink href="/referrals/new" text="Back to record a PRaP referral" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption="New introduction" error={field.hasErrors}>
            Record an SRO introduction
          </PageHeading>
          {intro}
          {field.hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
          <form action={formAction} noValidate>
            <Select
              name="siteId"
              label="Site"
              hint="Where the provision is delivered. Its nation’s bank holidays decide the working days."
              options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]}
              error={state.fieldErrors.siteId}
              defaultValue={field.value("siteId", defaults.siteId)}
            />
            <DateInput name="introducedOn" label="Date of the phone call" hint="Today’s date is filled in." {...field.date("introducedOn", defaults.today)} />

            <Fieldset legend="Part 1: the Statutory Referral Organisation" legendSize="m">
              <TextInput name="sroOrganisation" label="Organisation" autoComplete="off" {...field.text("sroOrganisation")} />
              <TextInput name="sroContactName" label="Contact name" autoComplete="off" spellCheck={false} {...field.text("sroContactName")} />
              <TextInput name="sroPhone" label="Telephone number" type="tel" autoComplete="off" width={20} {...field.text("sroPhone")} />
              <TextInput name="sroEmail" label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} {...field.text("sroEmail")} />
            </Fieldset>

            <Fieldset legend="Part 2: the person introduced" legendSize="m">
              <TextInput name="title" label="Title (optional)" autoComplete="off" width={5} {...field.text("title")} />
              <TextInput name="surname" label="Surname" autoComplete="off" spellCheck={false} {...field.text("surname")} />
              <TextInput name="forename" label="Forename" autoComplete="off" spellCheck={false} {...field.text("forename")} />
              <TextInput
                name="nino"
                label="National Insurance number"
                hint="For example, ‘AB 12 34 56 C’."
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="characters"
                width={10}
                {...field.text("nino")}
              />
            </Fieldset>

            <Fieldset legend="The interview agreed on the call" legendSize="m">
              <DateInput name="interviewOn" label="Interview date" hint="For example, 27 3 2026" {...field.date("interviewOn")} />
              <TextInput name="interviewTime" label="Interview time" hint="24-hour clock, for example 10:30 or 14:15" autoComplete="off" width={5} {...field.text("interviewTime")} />
              <TextInput name="interviewVenue" label="Interview venue" autoComplete="off" {...field.text("interviewVenue")} />
            </Fieldset>

            <Radios
              name="onIncompatibleProgramme"
              label="Are they on the Work Programme, the Work and Health Programme, Work Choice or another incompatible DWP programme?"
              labelSize="m"
              hint="Check this with the SRO during the call (13.43, 3.22). Someone on one of these programmes is not eligible: the call is recorded and closed as not eligible."
              items={INCOMPATIBLE_PROGRAMME_OPTIONS}
              {...field.text("onIncompatibleProgramme")}
            />
            <TextInput
              name="otherProgrammeNamed"
              label="Another DWP programme they are on (optional)"
              hint="Name it if they are on one of the programmes above, or the SRO mentions another DWP programme: you will be warned to check at the first meeting whether SES is suitable alongside it (13.45)."
              autoComplete="off"
              {...field.text("otherProgrammeNamed")}
            />
            <Textarea
              name="previousSpellReason"
              label="If they have been on SES before: why another period is appropriate"
              hint="Needed only when our records show an earlier SES spell for this National Insurance number; we show it to you if so (13.46, 3.24)."
              rows={3}
              maxLength={2000}
              {...field.text("previousSpellReason")}
            />
            <Button type="submit" name={INTENT_FIELD} value={INTENT_CHECK} preventDoubleClick disabled={pending}>
              Continue
            </Button>
          </form>
        </div>
      </div>
    </>
  );
}
