import { notFound } from "next/navigation";
import { InsetText } from "@/components/content/InsetText";
import { SummaryList, type SummaryListRow } from "@/components/content/SummaryList";
import { WarningText } from "@/components/content/WarningText";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { BackLink } from "@/components/layout/BackLink";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import {
  actionFromSlug,
  actionSlug,
  IRREVERSIBLE_ACTIONS,
  lifecycleFormSchema,
  postedFieldNames,
  REJECT_REASON_LABELS,
  type LifecycleFormAction,
  type LifecycleFormOutput,
} from "@/lib/domain/forms/lifecycle-forms";
import { ACTION_LABELS, type LifecycleInputs } from "@/lib/domain/referral-lifecycle";
import type { FieldErrors } from "@/lib/forms/form-state";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";
import { getLifecycleCase, previewLifecycleAction, type LifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { UseCaseError } from "@/lib/server/use-case-error";
import {
  acceptReferralAction,
  acceptStrandReferralAction,
  acknowledgeAction,
  bookInitialAssessmentAction,
  cancelAfterBackOutAction,
  cancelDidNotStartAction,
  recordAssessmentNotSuitableAction,
  recordAssessmentRecommendedAction,
  recordBackOutEmailAction,
  recordCompletionAction,
  recordEarlyLeavingAction,
  recordStartAction,
  rejectAction,
} from "../actions";
import { LifecycleFields } from "./LifecycleFields";
import { LifecycleActionForm, LifecycleConfirmForm } from "./LifecycleForms";

const SERVER_ACTIONS = {
  acknowledge: acknowledgeAction,
  book_initial_assessment: bookInitialAssessmentAction,
  record_assessment_recommended: recordAssessmentRecommendedAction,
  record_assessment_not_suitable: recordAssessmentNotSuitableAction,
  accept_strand_referral: acceptStrandReferralAction,
  accept_referral: acceptReferralAction,
  record_start: recordStartAction,
  record_completion: recordCompletionAction,
  record_early_leaving: recordEarlyLeavingAction,
  reject: rejectAction,
  cancel_did_not_start: cancelDidNotStartAction,
  record_back_out_email: recordBackOutEmailAction,
  cancel_after_back_out: cancelAfterBackOutAction,
} satisfies Record<LifecycleFormAction, unknown>;

/** What each step does, in a sentence, above its form. */
const EXPLANATIONS: Readonly<Record<LifecycleFormAction, string>> = {
  acknowledge: "Acknowledge the Initial Assessment referral in PRaP, then record it here.",
  book_initial_assessment: "Record the Initial Assessment date agreed on the Warm Handover call.",
  record_assessment_recommended: "UC452 part 6: the strand and the anticipated start and end dates. Email part 6 to the UC Service Centre and the SES policy inbox.",
  record_assessment_not_suitable:
    "UC452 part 7 carries your contact details only. Phone the JCP SPoC with the reason; do not record sensitive information (13.28 to 13.31).",
  accept_strand_referral: "Accept the strand referral in PRaP, then record it here.",
  accept_referral: "Accept the referral in PRaP, then record it here.",
  record_start: "Record the date the person started on the provision, as entered in PRaP.",
  record_completion: "UC452 part 8b or the Customer Exit Tracker: the actual end date.",
  record_early_leaving: "UC452 part 8a or the Customer Exit Tracker: the date they left and the reason.",
  reject: "Reject the referral in PRaP before it is accepted. A referral made in error is rejected with the reason Other.",
  cancel_did_not_start: "Cancel the accepted referral in PRaP with the reason Did Not Start.",
  record_back_out_email: "Record when POST’s email asking you to back out the start arrived: the referral must be cancelled within 24 hours of it (13.35, 3.15).",
  cancel_after_back_out: "Cancel the backed-out referral in PRaP with the reason Did Not Start, within 24 hours of POST’s email.",
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function dateText(value: unknown): string {
  return typeof value === "string" && value !== "" ? formatLongDate(value) : "Not given";
}

/** The check-answers rows, each with a Change link back to the question. */
function answerRows(action: LifecycleFormAction, input: LifecycleFormOutput["input"], lc: LifecycleCase, changeHref: string): SummaryListRow[] {
  const change = (what: string) => [{ href: changeHref, label: "Change", visuallyHiddenText: what }];
  const values = input as Record<string, unknown>;
  switch (action) {
    case "record_assessment_not_suitable":
      return [
        { key: "Date of the Initial Assessment", value: dateText(values.heldOn), actions: change("date of the Initial Assessment") },
        { key: "Discussed fully and agreed", value: values.fullyDiscussedWithClaimant ? "Yes" : "No", actions: change("discussion") },
        { key: "JCP SPoC phoned", value: dateText(values.spocPhonedOn), actions: change("date you phoned the JCP SPoC") },
      ];
    case "record_completion":
      return [{ key: "Actual end date", value: dateText(values.endedOn), actions: change("actual end date") }];
    case "record_early_leaving": {
      const reason = lc.earlyLeavingReasons.find((entry) => entry.code === values.reasonCode);
      return [
        { key: "Date they left", value: dateText(values.leftOn), actions: change("date they left") },
        { key: "Reason", value: reason?.label ?? String(values.reasonCode), actions: change("reason") },
      ];
    }
    case "reject": {
      const reject = input as LifecycleInputs["reject"];
      const rows: SummaryListRow[] = [
        {
          key: "Reason",
          value: reject.reason === "other" ? REJECT_REASON_LABELS.other : REJECT_REASON_LABELS[reject.suitabilityReason],
          actions: change("reason"),
        },
      ];
      if (reject.reason === "customer_no_longer_suitable") {
        rows.push(
          { key: "DEA or work coach agreed", value: reject.workCoachAgreed ? "Yes" : "No", actions: change("whether the DEA or work coach agreed") },
          { key: "Spoke to the DEA or work coach", value: dateText(reject.workCoachContactedOn), actions: change("date you spoke to the DEA or work coach") },
        );
      }
      return rows;
    }
    case "cancel_did_not_start":
    case "cancel_after_back_out":
      return [{ key: "Reason", value: "Did Not Start" }];
    default:
      return [];
  }
}

export default async function LifecycleActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string; action: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("update:case:any");
  const { caseId, action: slug } = await params;
  const query = await searchParams;
  const action = actionFromSlug(slug);
  if (!action) notFound();
  const prisma = await getPrisma();
  const lc = await getLifecycleCase(prisma, user, caseId, "case.restricted_read_action_page").catch((error: unknown) => {
    if (error instanceof UseCaseError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const now = new Date();
  const clock = { today: todayInLondon(now), now };
  const label = ACTION_LABELS[action];
  const casePath = `/cases/${lc.id}`;
  const pagePath = `${casePath}/act/${actionSlug(action)}`;
  const context = { ruleset: lc.snapshot.ruleset, earlyLeavingReasons: lc.earlyLeavingReasons };
  const caption = `${lc.claimantName} – case ${lc.reference}`;

  // Unavailable now: say why, in the state machine's words, and offer nothing to submit.
  if (!lc.actions.includes(action)) {
    const refusal = await previewLifecycleAction(prisma, lc, action, {} as never, clock).catch(() => null);
    return (
      <>
        <BackLink href={casePath} text="Back to the case" />
        <span className="govuk-caption-l">{caption}</span>
        <DocumentTitle>{label}</DocumentTitle>
        <h1 className="govuk-heading-l">{label}</h1>
        <InsetText>{refusal && !refusal.ok ? refusal.message : "This step is not available for this case now."}</InsetText>
        <p className="govuk-body">
          <a className="govuk-link" href={casePath}>
            Return to the case
          </a>
        </p>
      </>
    );
  }

  const serverAction = SERVER_ACTIONS[action];
  const fieldNames = postedFieldNames(action);
  const typed: Record<string, string> = {};
  for (const name of fieldNames) {
    const value = single(query[name]);
    if (value !== undefined) typed[name] = value;
  }

  // A step that can be put right later posts straight to the server.
  if (!IRREVERSIBLE_ACTIONS.has(action)) {
    return (
      <>
        <BackLink href={casePath} text="Back to the case" />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">{caption}</span>
            <DocumentTitle>{label}</DocumentTitle>
            <h1 className="govuk-heading-l">{label}</h1>
            <p className="govuk-body">{EXPLANATIONS[action]}</p>
            <LifecycleActionForm action={action} serverAction={serverAction} caseId={lc.id} version={lc.version} submitLabel={label} context={context} />
          </div>
        </div>
      </>
    );
  }

  // Irreversible: question page (GET, so it works without JavaScript) → check answers → submit.
  const version = Number(single(query.version) ?? lc.version) || lc.version;
  let errors: FieldErrors = {};
  let message: string | undefined;
  let confirmed: { input: LifecycleFormOutput["input"]; warnings: string[] } | null = null;
  if (single(query.step) === "confirm") {
    const parsed = lifecycleFormSchema(action).safeParse({ caseId: lc.id, version: String(version), ...typed });
    if (!parsed.success) errors = fieldErrorsFrom(parsed.error);
    else {
      const check = await previewLifecycleAction(prisma, lc, action, parsed.data.input, clock);
      if (check.ok) confirmed = { input: parsed.data.input, warnings: check.warnings };
      else if (check.field) errors = { [check.field]: check.message };
      else message = check.message;
    }
  }

  if (confirmed) {
    const changeQuery = new URLSearchParams({ ...typed, version: String(version) });
    const changeHref = `${pagePath}?${changeQuery.toString()}`;
    const rows = answerRows(action, confirmed.input, lc, changeHref);
    const warning = action === "reject" || action === "cancel_did_not_start" || action === "cancel_after_back_out";
    return (
      <>
        <BackLink href={changeHref} text="Back" />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <span className="govuk-caption-l">{caption}</span>
            <DocumentTitle>{label}</DocumentTitle>
            <h1 className="govuk-heading-l">Check your answers: {label.charAt(0).toLowerCase() + label.slice(1)}</h1>
            <SummaryList rows={[{ key: "Step", value: label }, ...rows]} />
            {confirmed.warnings.map((text) => (
              <WarningText key={text}>{text}</WarningText>
            ))}
            <WarningText>This closes the referral. It cannot be undone except by an administrator’s amendment.</WarningText>
            <LifecycleConfirmForm
              serverAction={serverAction}
              caseId={lc.id}
              version={version}
              answers={typed}
              submitLabel={`Confirm: ${label.charAt(0).toLowerCase() + label.slice(1)}`}
              warning={warning}
            />
            <p className="govuk-body">
              <a className="govuk-link" href={casePath}>
                Cancel and return to the case
              </a>
            </p>
          </div>
        </div>
      </>
    );
  }

  const hasErrors = Object.keys(errors).length > 0 || message !== undefined;
  return (
    <>
      <BackLink href={casePath} text="Back to the case" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorTitle hasErrors={hasErrors} />
          {hasErrors && <ErrorSummary errors={errors} message={message} />}
          <span className="govuk-caption-l">{caption}</span>
          <DocumentTitle>{label}</DocumentTitle>
          <h1 className="govuk-heading-l">{label}</h1>
          <p className="govuk-body">{EXPLANATIONS[action]}</p>
          <form method="get" action={pagePath} noValidate>
            <input type="hidden" name="step" value="confirm" />
            <input type="hidden" name="version" value={version} />
            <LifecycleFields action={action} errors={errors} values={typed} context={context} />
            <Button type="submit">Continue</Button>
          </form>
        </div>
      </div>
    </>
  );
}
