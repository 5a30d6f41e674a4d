"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/forms/Button";
import { Details } from "@/components/content/Details";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { CheckAnswersStep } from "@/components/forms/CheckAnswersStep";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput, type DateParts } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Fieldset } from "@/components/forms/Fieldset";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError, parseDateParts } from "@/lib/domain/forms/date-parts";
import { purchaseOrderProblem, regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { deriveRuleset } from "@/lib/domain/lifecycle/rulesets";
import {
  BENEFIT_OPTIONS,
  DISABILITY_OPTIONS,
  EARLIEST_REFERRAL_DATE,
  HANDOVER_ROLE_OPTIONS,
  intakeRowsIn,
  jobWhich,
  RE_REFERRAL_JUSTIFICATION_MAX,
  REFERRAL_ROUTE_OPTIONS,
  RULESET_OVERRIDE_REASON_MAX,
  WELSH_LANGUAGE_OPTIONS,
} from "@/lib/domain/forms/referral-intake";
import { introductionOffered } from "@/lib/domain/sro/attach-to-introduction";
import { CONFIRM_LATE_TEXT } from "@/lib/domain/warnings/deadline-warnings";
import { referralIntakeAnswers } from "@/lib/domain/forms/referral-intake-answers";
import { INTENT_CHECK, INTENT_FIELD } from "@/lib/forms/check-answers-intent";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

/** The Chapter 3 extras (3.33), behind their own "optional" disclosure. */
const CHAPTER_3_FIELDS = /^(aims|jobPreferences|preferredHours|claimPattern|availabilityRestrictions|welshLanguage|vulnerable|disadvantaged)$/;

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

interface SiteOption {
  id: string;
  name: string;
}

export interface IntakeDefaults {
  /** The user's own site, when it is open. */
  siteId: string;
}

/**
 * Record a PRaP referral (routes 1 and 2): one page in sections, every field echoed back after a
 * bad submission (the date parts too), and a plain POST without JavaScript. The re-referral
 * justification appears only when the server asks for it (13.39, 3.18). "Continue" shows the
 * answers and the deadlines they give on a check-your-answers page before the case is created;
 * "Change" there comes back here with every answer kept
 * (docs/decisions/0018-check-answers-before-a-case-is-created.md). `intro` (the heading and its
 * paragraphs under the heading) shows with the questions only: the check page has its own heading.
 * The form renders the heading itself, so its title starts "Error: " whenever the form shows
 * errors, without JavaScript too (UX-03).
 */
export function ReferralIntakeForm({ action, sites, defaults, intro }: { action: Action; sites: readonly SiteOption[]; defaults: IntakeDefaults; intro?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // Answers come back after an error and after "Change" on the check page.
  const echoed = state.status === "error" || (state.status === "idle" && Object.keys(state.values).length > 0);
  const hasErrors = state.status === "error";
  useEffect(() => {
    if (state.status !== "idle" || !state.focus) return;
    const field = document.getElementById(state.focus);
    field?.closest("details")?.setAttribute("open", "");
    field?.focus();
  }, [state]);
  const value = (name: string, initial = "") => (echoed ? (state.values[name] ?? "") : initial);
  const text = (name: string) => ({ error: state.fieldErrors[name], defaultValue: value(name) });
  const date = (name: string, initial?: DateParts | string) => {
    const props = dateFieldPropsFrom(state, name);
    const errorParts = props.errorParts.length > 0 ? props.errorParts : datePartsInError(props.error, props.defaultValue);
    return { error: props.error, errorParts, defaultValue: echoed ? props.defaultValue : initial };
  };
  // 13.49, 3.27: JCP's referral of someone with an open SRO introduction belongs to that introduction.
  const offeredIntroduction = echoed ? introductionOffered(state.fieldErrors) : null;
  // "Date received" is prefilled with the referral date as it is typed, until the user edits it
  // (docs/rules/clocks.md: entered explicitly, never silently the keying day). Without JavaScript
  // the field is simply required.
  // The Warm Handover call's date is filled in the same way (docs/rules/decisions.md: business dates).
  const touched = useRef(new Set<string>());
  // The intake shows the ruleset the referral date and purchase order give, and why, as they are
  // typed (docs/rules/rulesets.md); without JavaScript the server says it when it matters.
  const [derivedWhy, setDerivedWhy] = useState<string | null>(null);
  const showDerived = (form: HTMLFormElement) => {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
    const date = parseDateParts(
      { day: field("referralDate-day"), month: field("referralDate-month"), year: field("referralDate-year") },
      { label: "the referral date", min: EARLIEST_REFERRAL_DATE },
    );
    const purchaseOrder = field("purchaseOrderNumber");
    setDerivedWhy(date.ok && purchaseOrderProblem(purchaseOrder) === null ? deriveRuleset(date.date, regimeOfPurchaseOrder(purchaseOrder)).why : null);
  };
  const prefillReceived = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "purchaseOrderNumber" || target.name?.startsWith("referralDate-")) showDerived(event.currentTarget);
    const [field, part] = (target.name ?? "").split("-");
    if (field === "referralReceivedOn" || field === "warmHandoverOn") touched.current.add(field);
    if (field !== "referralDate" || !part) return;
    for (const follower of ["referralReceivedOn", "warmHandoverOn"]) {
      if (touched.current.has(follower)) continue;
      const input = event.currentTarget.elements.namedItem(`${follower}-${part}`);
      if (input instanceof HTMLInputElement) input.value = target.value;
    }
  };
  // Any number of jobs and qualifications (13.63, 13.64 set no limit): "add another" adds a row and
  // moves focus to its first field; rows echoed back after an error are kept.
  const echoedRows = intakeRowsIn(echoed ? state.values : {});
  const [jobRows, setJobRows] = useState(echoedRows.jobs);
  const [qualificationRows, setQualificationRows] = useState(echoedRows.qualifications);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [jobRows, qualificationRows]);
  const jobs = Array.from({ length: Math.max(jobRows, echoedRows.jobs) }, (_, index) => index + 1);
  const qualifications = Array.from({ length: Math.max(qualificationRows, echoedRows.qualifications) }, (_, index) => index + 1);
  const capital = (words: string) => `${words[0].toUpperCase()}${words.slice(1)}`;
  const askForJustification =
    state.fieldErrors.reReferralJustification !== undefined || (echoed && (state.values.reReferralJustification ?? "") !== "");

  if (state.status === "review" && state.review) {
    return (
      <CheckAnswersStep
        caption="New referral"
        heading="Check your answers before recording the referral"
        sections={referralIntakeAnswers(state.values, (id) => sites.find((site) => site.id === id)?.name)}
        deadlines={state.review.deadlines}
        deadlinesFrom="the referral date and the date it was received"
        values={state.values}
        formAction={formAction}
        intentField={INTENT_FIELD}
        submitLabel="Record referral"
        pending={pending}
      />
    );
  }
  // An optional section opens when it holds an answer or an error, or "Change" returns to it.
  const sectionOpen = (pattern: RegExp) =>
    Object.entries(echoed ? state.values : {}).some(([name, answer]) => pattern.test(name) && answer.trim() !== "") ||
    Object.keys(state.fieldErrors).some((name) => pattern.test(name)) ||
    (state.focus !== undefined && pattern.test(state.focus));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
          <BackLink href="/cases" text="Back to cases" />
          <PageHeading caption="New referral" error={hasErrors}>
            Record a PRaP referral
          </PageHeading>
          {intro}
          {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
          <form action={formAction} noValidate onInput={prefillReceived}>
            <Fieldset legend="Referral" legendSize="m">
              <Select
                name="siteId"
                label="Site"
                hint="Where the provision is delivered. Its nation’s bank holidays decide the working days."
                options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]}
                error={state.fieldErrors.siteId}
                defaultValue={value("siteId", defaults.siteId)}
              />
              <TextInput
                name="purchaseOrderNumber"
                label="Purchase order number"
                hint="9 digits. Starts with 2 for Universal Credit, like 200123456, or 1 for other benefits, like 100123456 (13.06, 13.16)."
                inputMode="numeric"
                spellCheck={false}
                autoComplete="off"
                width={10}
                {...text("purchaseOrderNumber")}
              />
              <TextInput name="referralId" label="Referral ID" spellCheck={false} autoComplete="off" width={20} {...text("referralId")} />
              <TextInput
                name="provisionId"
                label="Provision ID"
                hint="The opportunity the referral is to, as PRaP shows it."
                spellCheck={false}
                autoComplete="off"
                width={20}
                {...text("provisionId")}
              />
              <DateInput
                name="referralDate"
                label="Referral date"
                hint="The business date on which the referral was made (13.61), for example 13 4 2017. The deadlines count from it."
                {...date("referralDate")}
              />
              <DateInput
                name="referralReceivedOn"
                label="Date the referral was received"
                hint="When the PRaP referral reached you. The 10-working-day meeting counts from it (13.17). It is filled in with the referral date: change it if the referral arrived later."
                {...date("referralReceivedOn")}
              />
              <Radios
                name="benefit"
                label="Which benefit is the referral for? (optional)"
                hint="As the referral says. It must agree with the purchase order: 2… for Universal Credit, 1… for another benefit (13.06, 13.16)."
                items={BENEFIT_OPTIONS}
                small
                {...text("benefit")}
              />
              <div className="govuk-inset-text" aria-live="polite" data-testid="derived-ruleset">
                {derivedWhy ?? "Enter the referral date and purchase order to see which process they give."}
              </div>
              <Radios
                name="route"
                label="Which process does this referral follow?"
                hint="The referral date and purchase order decide it. Choose a process yourself only for a contract variant, and say why."
                items={REFERRAL_ROUTE_OPTIONS}
                {...text("route")}
                defaultValue={value("route", "derived")}
              />
              <Textarea
                name="rulesetOverrideReason"
                label="Why does this referral follow the other process? (only if you chose one)"
                hint="For example, the contract variant that applies. The case shows that the process was chosen, by whom and why."
                rows={3}
                maxLength={RULESET_OVERRIDE_REASON_MAX}
                {...text("rulesetOverrideReason")}
              />
            </Fieldset>

            <Fieldset legend="Claimant" legendSize="m">
              <TextInput name="title" label="Title (optional)" autoComplete="off" width={5} {...text("title")} />
              <TextInput name="forename" label="Forename" autoComplete="off" spellCheck={false} {...text("forename")} />
              <TextInput name="surname" label="Surname" autoComplete="off" spellCheck={false} {...text("surname")} />
              <TextInput
                name="nino"
                label="National Insurance number"
                hint="It’s on the referral. For example, ‘AB 12 34 56 C’."
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="characters"
                width={10}
                {...text("nino")}
              />
              {offeredIntroduction && (
                <div className="govuk-inset-text" id={offeredIntroduction.key}>
                  <p className="govuk-body">{state.fieldErrors[offeredIntroduction.key]}</p>
                  <p className="govuk-body">
                    <a className="govuk-link" href={`/cases/${offeredIntroduction.caseId}/sro/jcp-referral`}>
                      Attach JCP’s referral to this introduction
                    </a>
                  </p>
                </div>
              )}
              {askForJustification && (
                <Textarea
                  name="reReferralJustification"
                  label="Why should this referral be recorded?"
                  hint="SES is voluntary: a claimant who leaves is not referred again (13.39, 3.18). Say why this referral should go ahead, for example what Jobcentre Plus told you."
                  rows={4}
                  maxLength={RE_REFERRAL_JUSTIFICATION_MAX}
                  {...text("reReferralJustification")}
                />
              )}
              <TextInput
                name="clientNumber"
                label="Client number (optional)"
                hint="The number the system gives each participant."
                spellCheck={false}
                autoComplete="off"
                width={20}
                {...text("clientNumber")}
              />
              <Radios
                name="disabled"
                label="Does the referral say the claimant is disabled?"
                hint="Record only whether they are disabled, never what the disability is (13.62, 3.33)."
                items={DISABILITY_OPTIONS}
                {...text("disabled")}
              />
              <TextInput
                name="workSearchReviewAppointment"
                label="Work search review appointment (optional)"
                hint="For example, Fortnightly, Tuesday 10:20"
                autoComplete="off"
                {...text("workSearchReviewAppointment")}
              />
              <Checkboxes
                name="incidentMarker"
                label="Incident marker"
                items={[{ value: "yes", text: "The referral has an incident marker (an incident on Jobcentre Plus premises)" }]}
                {...text("incidentMarker")}
              />
              <Textarea name="childcareRequirements" label="Childcare requirements (optional)" rows={3} maxLength={500} {...text("childcareRequirements")} />
              <TextInput name="drivingLicence" label="Driving licence (optional)" hint="For example, Full UK car licence" autoComplete="off" {...text("drivingLicence")} />
              <TextInput name="drivingEndorsements" label="Licence endorsements (optional)" autoComplete="off" {...text("drivingEndorsements")} />
            </Fieldset>

            <Fieldset legend="Contact details" legendSize="m">
              <Checkboxes
                name="mappa"
                label="MAPPA"
                hint="Tick only if the referral says so. A missing address on its own does not make a case MAPPA."
                items={[{ value: "yes", text: "This is a MAPPA case: the referral arrived without address, postcode and telephone (13.58)" }]}
                {...text("mappa")}
              />
              <TextInput name="telephone" label="Telephone number (optional)" hint="Including the area code" type="tel" autoComplete="off" width={20} {...text("telephone")} />
              <TextInput name="alternativeTelephone" label="Alternative telephone number (optional)" type="tel" autoComplete="off" width={20} {...text("alternativeTelephone")} />
            </Fieldset>

            <Fieldset legend="Address" legendSize="m">
              <p className="govuk-body">Required unless this is a MAPPA case.</p>
              <TextInput name="addressLine1" label="Address line 1" autoComplete="off" {...text("addressLine1")} />
              <TextInput name="addressLine2" label="Address line 2 (optional)" autoComplete="off" {...text("addressLine2")} />
              <TextInput name="town" label="Town or city" autoComplete="off" width="two-thirds" {...text("town")} />
              <TextInput name="postcode" label="Postcode" autoComplete="off" spellCheck={false} autoCapitalize="characters" width={10} {...text("postcode")} />
            </Fieldset>

            <Details summary="Single referral details (Chapter 3, optional)" open={sectionOpen(CHAPTER_3_FIELDS)}>
              <Fieldset legend="Single referral details (Chapter 3)" legendSize="m">
                <p className="govuk-body">Single referrals from September 2017 also carry these (3.33). Leave them blank if the referral did not include them.</p>
                <Textarea name="aims" label="Aims (optional)" rows={3} maxLength={1000} {...text("aims")} />
                <Textarea name="jobPreferences" label="Job preferences (optional)" rows={3} maxLength={1000} {...text("jobPreferences")} />
                <TextInput name="preferredHours" label="Preferred hours (optional)" autoComplete="off" {...text("preferredHours")} />
                <TextInput name="claimPattern" label="Claim pattern (optional)" autoComplete="off" {...text("claimPattern")} />
                <Textarea
                  name="availabilityRestrictions"
                  label="Availability restrictions agreed with Jobcentre Plus (optional)"
                  rows={3}
                  maxLength={1000}
                  {...text("availabilityRestrictions")}
                />
                <Radios name="welshLanguage" label="Welsh language (optional)" items={WELSH_LANGUAGE_OPTIONS} small {...text("welshLanguage")} />
                <Checkboxes
                  name="vulnerable"
                  label="Vulnerable customer"
                  items={[{ value: "yes", text: "“Safeguard” appears in the referral’s action plan items" }]}
                  {...text("vulnerable")}
                />
                <Radios
                  name="disadvantaged"
                  label="Disadvantaged marker (optional)"
                  hint="If it is Y, ask the customer to tell you about their disadvantages (3.33)."
                  inline
                  items={[
                    { value: "yes", text: "Y (yes)" },
                    { value: "no", text: "N (no)" },
                  ]}
                  {...text("disadvantaged")}
                />
              </Fieldset>
            </Details>

            <Details summary="Employment history (optional)" open={sectionOpen(/^job\d/)}>
              <Fieldset legend="Employment history (optional)" legendSize="m">
                {jobs.map((n) => {
                  const which = jobWhich(n);
                  return (
                    <Fieldset key={n} legend={capital(which)} legendSize="s">
                      <TextInput name={`job${n}Description`} label={`Description of the ${which}`} autoComplete="off" {...text(`job${n}Description`)} />
                      <DateInput name={`job${n}Start`} label={`Start date of the ${which}`} {...date(`job${n}Start`)} />
                      <DateInput name={`job${n}End`} label={`End date of the ${which}`} {...date(`job${n}End`)} />
                    </Fieldset>
                  );
                })}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  onClick={() => {
                    focusNext.current = `job${jobs.length + 1}Description`;
                    setJobRows(jobs.length + 1);
                  }}
                >
                  Add another job
                </button>
              </Fieldset>
            </Details>

            <Details summary="Qualifications (optional)" open={sectionOpen(/^qualification\d/)}>
              <Fieldset legend="Qualifications (optional)" legendSize="m">
                <p className="govuk-body">As many as the referral lists, oldest first, as the referral numbers them (13.64).</p>
                {qualifications.map((n) => (
                  <Fieldset key={n} legend={`Qualification ${n}`} legendSize="s">
                    <TextInput name={`qualification${n}Subject`} label={`Subject of qualification ${n}`} autoComplete="off" {...text(`qualification${n}Subject`)} />
                    <TextInput name={`qualification${n}Level`} label={`Level of qualification ${n}`} hint={n === 1 ? "For example, Level 2" : undefined} autoComplete="off" width={20} {...text(`qualification${n}Level`)} />
                    <TextInput name={`qualification${n}Outcome`} label={`Outcome of qualification ${n}`} hint={n === 1 ? "For example, Achieved" : undefined} autoComplete="off" width={20} {...text(`qualification${n}Outcome`)} />
                    <DateInput name={`qualification${n}Start`} label={`Start date of qualification ${n}`} {...date(`qualification${n}Start`)} />
                    <DateInput name={`qualification${n}End`} label={`End date of qualification ${n}`} {...date(`qualification${n}End`)} />
                  </Fieldset>
                ))}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  onClick={() => {
                    focusNext.current = `qualification${qualifications.length + 1}Subject`;
                    setQualificationRows(qualifications.length + 1);
                  }}
                >
                  Add another qualification
                </button>
              </Fieldset>
            </Details>

            <Fieldset legend="Warm Handover" legendSize="m">
              <p className="govuk-body">
                The Work Coach or DEA telephones you, usually with the claimant present (13.11, 3.05). Take their telephone number and
                email address: you need them when the claimant leaves provision.
              </p>
              <Radios name="handoverRole" label="Who made the Warm Handover call?" items={HANDOVER_ROLE_OPTIONS} {...text("handoverRole")} />
              <TextInput name="handoverName" label="Name of the work coach or DEA" autoComplete="off" spellCheck={false} {...text("handoverName")} />
              <TextInput name="handoverOrganisation" label="Jobcentre (optional)" autoComplete="off" {...text("handoverOrganisation")} />
              <TextInput
                name="handoverPhone"
                label="Telephone number of the work coach or DEA"
                type="tel"
                autoComplete="off"
                width={20}
                {...text("handoverPhone")}
              />
              <TextInput
                name="handoverEmail"
                label="Email address of the work coach or DEA"
                type="email"
                autoComplete="off"
                spellCheck={false}
                {...text("handoverEmail")}
              />
              <DateInput
                name="warmHandoverOn"
                label="Date of the Warm Handover call"
                hint="It is filled in with the referral date: change it if the call was on another day."
                {...date("warmHandoverOn")}
              />
              <DateInput
                name="initialAssessmentOn"
                label="Initial Assessment date agreed on the call"
                hint="Required for the Universal Credit two-stage route (13.11, 13.15). For a single referral, leave it blank if none was agreed."
                {...date("initialAssessmentOn")}
              />
              {/* 13.17: offered once the server warned that the agreed date is after the meeting deadline. */}
              {(state.fieldErrors.initialAssessmentOn?.includes("(13.17)") || value("confirmLateAssessment") === "yes") && (
                <Checkboxes
                  name="confirmLateAssessment"
                  label="If the Initial Assessment date is after the meeting deadline"
                  hint="Only if you were warned: the claimant must be met within 10 working days of the referral being received (13.17)."
                  items={[{ value: "yes", text: CONFIRM_LATE_TEXT }]}
                  {...text("confirmLateAssessment")}
                />
              )}
            </Fieldset>

            <Button type="submit" name={INTENT_FIELD} value={INTENT_CHECK} preventDoubleClick disabled={pending}>
              Continue
            </Button>
          </form>
      </div>
    </div>
  );
}
