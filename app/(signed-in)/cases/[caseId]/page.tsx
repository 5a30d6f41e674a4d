import { IdentityBar } from "@/components/content/IdentityBar";
import { InsetText } from "@/components/content/InsetText";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { Timeline } from "@/components/content/Timeline";
import { ClocksTable } from "@/components/cases/ClocksTable";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import type { CaseView } from "@/lib/server/cases/case-view";
import { ROUTE_LABELS, RULESET_LABELS, STRAND_LABELS } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { can } from "@/lib/domain/permissions";
import { WarningText } from "@/components/content/WarningText";
import { CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS } from "@/lib/domain/forms/case-work-forms";
import { addCaseNoteAction, assignCaseAction, recordContactAttemptAction } from "./actions";
import { AddCaseNoteForm, AssignCaseForm, ContactAttemptForm } from "./CaseWorkForms";
import { FormsSection } from "./FormsSection";
import { confirmationFor } from "@/lib/domain/lifecycle/step-pages";
import { LifecycleActionsSection } from "./LifecycleActionsSection";
import { Sl2Section } from "./Sl2Section";
import { RestrictedRecordSection } from "./RestrictedRecordSection";
import { SroSection } from "./SroSection";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { StepConfirmation } from "@/components/cases/StepConfirmation";
import { whatHappensNext } from "@/lib/domain/lifecycle/steps/what-happens-next";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** The success banner after a change that is not a lifecycle step (`?done=<what>`). */
const CONFIRMATIONS: Record<string, string> = {
  note: "Note saved.",
  assigned: "Caseworker saved.",
  contact: "Contact attempt logged.",
  "contact-prompt": "Contact attempt logged.",
  "uc452-received": "UC452 receipt recorded. Deadlines updated.",
  "ucpr1-received": "UCPR1 recorded. Deadlines updated.",
  "spoc-chased": "Chase of the JCP SPoC recorded.",
  "ucpr1-duplicate-requested": "Request for a duplicate UCPR1 recorded.",
  "strand-referral": "Strand referral recorded. You can now accept it.",
  "sl2-page-1": "Return of SL2 page 1 recorded.",
  "sl2-referral-form": "Return of the referral form recorded.",
  "sl2-marking": "SL2 marking saved.",
  restriction: "Restriction saved.",
  "scr-duplicate-merged": "The possible duplicate was merged into this SCR case: its PRaP referrals are now on this case.",
  "scr-duplicate-kept": "The possible duplicate is kept as a separate restricted case.",
  "scr-duplicate-closed": "The possible duplicate was closed.",
  "sro-introduced": "Introduction recorded. This is the new case: the person is introduced, not referred.",
  "sro-introduced-not-eligible": "Introduction recorded and closed as not eligible: they are on an incompatible DWP programme. Tell the SRO (13.43, 3.22).",
  "sro-introduction-accepted": "First meeting recorded: the introduction is accepted. Print the SESSRO1 for signature.",
  "sro-provision-full": "First meeting recorded: the provision is full.",
  "sro-not-eligible": "First meeting recorded: not eligible or not suitable. The form is kept for inspection.",
  "sro-sent": "SESSRO1 signed and sent by secure post; JCP SPoC notified.",
  "sro-jcp-receipt": "JCP’s receipt of the SESSRO1 recorded. Its PRaP referral is still awaited.",
  "sro-referred": "JCP’s PRaP referral recorded. The case is now “Referred”.",
};

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const { done, created } = await searchParams;
  const { view, forms, sl2, sessro1, whatToDoNext, caseworkers } = await loadCasePage(user, caseId);
  const canWork = can(user.roles, "update:case:any");
  // A lifecycle step's banner comes from its declaration (confirmationFor); the other changes' copy is CONFIRMATIONS.
  const confirmation = created === "1" ? "Referral recorded. This is the new case." : done ? (confirmationFor(done, view.state) ?? CONFIRMATIONS[done]) : undefined;
  // 3.08: only where the route is allowed, from the administrator's threshold.
  const promptUnableToContact = view.unableToContact.prompt;
  const markers = [
    ...(view.restrictionTier === "mappa" ? [{ text: "MAPPA", colour: "purple" as const }] : []),
    ...(view.restrictionTier === "scr" ? [{ text: view.ruleset === "ses_2017" ? "SCR customer" : "SCR participant", colour: "red" as const }] : []),
  ];
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      {confirmation && (
        <StepConfirmation
          confirmation={confirmation}
          next={done ? whatHappensNext(done, { caseId: view.id, ruleset: view.ruleset, state: view.state, restrictionTier: view.restrictionTier }) : null}
        />
      )}
      <IdentityBar
        name={view.claimant.name}
        identifiers={[
          { label: "Case", value: view.reference },
          ...(view.claimant.nino ? [{ label: "NINO", value: view.claimant.nino }] : []),
          { label: "State", value: CASE_STATE_LABELS[view.state] },
        ]}
        markers={markers}
      />
      <DocumentTitle>{`Case ${view.reference}`}</DocumentTitle>
      <h1 className="govuk-heading-l govuk-!-margin-top-6">Case {view.reference}</h1>
      {view.restrictionTier === "mappa" && (
        <InsetText>
          MAPPA case: further information from your nominated officer. Contact the participant via the nominated officer (13.71):{" "}
          {view.nominatedOfficers.length > 0
            ? view.nominatedOfficers.join(", ")
            : "no nominated officer is set up yet; ask an administrator to give the role to someone"}
          .
        </InsetText>
      )}
      <RestrictedRecordSection view={view} user={user} />
      {sessro1 && <SroSection form={sessro1} user={user} />}
      <LifecycleActionsSection next={whatToDoNext} />
      <ExitNoticeTask view={view} />
      <ClocksTable clocks={view.clocks} />
      <h2 className="govuk-heading-m">Summary</h2>
      <SummaryList
        rows={[
          { key: "Route", value: ROUTE_LABELS[view.route] },
          {
            key: "Ruleset",
            value: (
              <>
                {RULESET_LABELS[view.ruleset]}
                {view.rulesetChoice.override ? (
                  <>
                    <br />
                    <strong className="govuk-tag govuk-tag--yellow">Chosen by a caseworker</strong>{" "}
                    {`Overridden by ${view.rulesetChoice.override.byName ?? "a former user"}: ${view.rulesetChoice.override.reason}`}
                  </>
                ) : null}
                {view.rulesetChoice.why ? (
                  <>
                    <br />
                    <span className="govuk-hint">{`${view.rulesetChoice.override ? "The date and purchase order alone give the other ruleset. " : ""}${view.rulesetChoice.why}`}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { key: "Strand", value: view.strand ? STRAND_LABELS[view.strand] : "Not decided" },
          { key: "Site", value: view.siteName },
          { key: "Caseworker", value: view.caseworkerName ?? "Unassigned" },
          { key: "Telephone", value: view.claimant.telephone ?? (view.restrictionTier === "mappa" ? "Contact via the nominated officer" : "Not recorded") },
          ...(view.claimant.alternativeTelephone ? [{ key: "Alternative telephone", value: view.claimant.alternativeTelephone }] : []),
          { key: "Address", value: view.claimant.address ?? (view.restrictionTier === "mappa" ? "Contact via the nominated officer" : "Not recorded") },
          ...view.dates.filter((date) => date.value).map((date) => ({ key: date.label, value: formatLongDate(date.value!) })),
          ...(view.closureReason ? [{ key: "Reason closed", value: view.closureReason }] : []),
        ]}
      />
      {view.welcomeCall.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Welcome call</h2>
          <SummaryList rows={view.welcomeCall} />
        </>
      )}
      {view.prapReferrals.length > 0 && (
        <Table
          caption="PRaP referrals"
          captionSize="m"
          head={[{ text: "Purchase order" }, { text: "Referral ID" }, { text: "Provision" }, { text: "Referral date" }, { text: "Status" }, { text: "PRaP reason" }]}
          rows={view.prapReferrals.map((referral) => ({
            id: referral.referralId,
            cells: [
              { content: referral.purchaseOrderNumber },
              { content: referral.referralId },
              { content: referral.provision },
              { content: formatLongDate(referral.referralDate) },
              { content: referral.status },
              { content: referral.prapReason ?? "" },
            ],
          }))}
        />
      )}
      {view.contacts.length > 0 && (
        <Table
          caption="Contacts"
          captionSize="m"
          head={[{ text: "Role" }, { text: "Name" }, { text: "Telephone" }, { text: "Email" }]}
          rows={view.contacts.map((contact, index) => ({
            id: `${contact.role}-${index}`,
            cells: [{ content: contact.role.replace(/_/g, " ") }, { content: contact.name }, { content: contact.phone ?? "" }, { content: contact.email ?? "" }],
          }))}
        />
      )}
      {sl2 && <Sl2Section sl2={sl2} user={user} />}
      {forms && <FormsSection forms={forms} clocks={view.clocks} user={user} />}
      {canWork && (
        <>
          <h2 className="govuk-heading-m" id="caseworker">Caseworker</h2>
          <AssignCaseForm action={assignCaseAction} caseId={view.id} version={view.version} current={view.assignedCaseworkerId} caseworkers={caseworkers} />
        </>
      )}
      <h2 className="govuk-heading-m" id="contact-attempts">Contact attempts</h2>
      {promptUnableToContact && (
        <WarningText>
          {view.failedContactAttempts} attempts to contact them have been unsuccessful (the threshold is {view.unableToContact.threshold}). If
          you still cannot reach them, agree with the DEA or Work Coach whether the referral should be {view.state === "accepted" ? "cancelled" : "rejected"} as
          “unable to contact” (3.08); if they do not agree, record that, and the customer must be accepted and kept (3.10).
        </WarningText>
      )}
      {view.contactAttempts.length === 0 ? (
        <p className="govuk-body">No contact attempts logged.</p>
      ) : (
        <Table
          caption="Contact attempts, newest first"
          captionSize="s"
          head={[{ text: "When" }, { text: "How" }, { text: "Outcome" }, { text: "Note" }]}
          rows={view.contactAttempts.map((attempt) => ({
            id: attempt.id,
            cells: [
              { content: dateTime.format(new Date(attempt.attemptedAt)) },
              { content: CONTACT_CHANNEL_LABELS[attempt.channel as keyof typeof CONTACT_CHANNEL_LABELS] ?? attempt.channel },
              { content: CONTACT_OUTCOME_LABELS[attempt.outcome as keyof typeof CONTACT_OUTCOME_LABELS] ?? attempt.outcome },
              { content: attempt.note ?? "" },
            ],
          }))}
        />
      )}
      {canWork && <ContactAttemptForm action={recordContactAttemptAction} caseId={view.id} today={todayInLondon(new Date())} />}
      <h2 className="govuk-heading-m" id="notes">Notes</h2>
      {view.notes.length === 0 ? (
        <p className="govuk-body">No notes yet.</p>
      ) : (
        <ul className="govuk-list">
          {view.notes.map((note) => (
            <li key={note.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {note.authorName}, {dateTime.format(new Date(note.createdAt))}
              </p>
              <p className="govuk-body ses-note-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canWork && <AddCaseNoteForm action={addCaseNoteAction} caseId={view.id} />}
      <h2 className="govuk-heading-m" id="timeline">
        Timeline
      </h2>
      <p className="govuk-body">
        <a className="govuk-link" href={`/cases/${view.id}/amend`}>
          Amend with reason
        </a>{" "}
        (an administrator corrects a recorded date or undoes the last step)
      </p>
      {view.timeline.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : (
        <Timeline
          items={view.timeline.map((event) => ({
            id: event.id,
            title: event.action.replace(/[._]/g, " "),
            byline: event.actorName ?? "System",
            datetime: event.at,
            displayDate: dateTime.format(new Date(event.at)),
            description: event.detail ? <p className="govuk-body">{event.detail}</p> : undefined,
          }))}
        />
      )}
    </>
  );
}

/**
 * The exit notice as a task with its clock (docs/rules/clocks.md "Exit notice"): the Customer Exit
 * Tracker to the DEA/Work Coach (3.05, 3.16), or UC452 part 8a/8b to the UC Service Centre (13.21
 * note, 13.36, 13.37). Shown from the exit until it is recorded as sent.
 */
function ExitNoticeTask({ view }: { view: CaseView }) {
  const clock = view.clocks.find((item) => item.id === "exit_notice");
  if (!clock || clock.state === "not_applicable" || clock.metOn !== null) return null;
  const [href, text] =
    view.ruleset === "ses_2017"
      ? [`/cases/${view.id}/forms/exit-tracker`, "Send the Customer Exit Tracker to the DEA or Work Coach"]
      : [`/cases/${view.id}/forms/uc452/${view.state === "left_early" ? "part_8a" : "part_8b"}/email`, `Email UC452 part ${view.state === "left_early" ? "8a" : "8b"} to the UC Service Centre`];
  return (
    <section aria-labelledby="exit-notice">
      <h2 className="govuk-heading-m" id="exit-notice">
        Exit notice
      </h2>
      <p className="govuk-body">
        <a className="govuk-link" href={href}>
          {text}
        </a>{" "}
        {clock.dueOn ? `by ${formatLongDate(clock.dueOn)}` : ""}
      </p>
    </section>
  );
}
