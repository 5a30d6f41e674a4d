import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import { requireUser } from "@/lib/auth/current-user";
import { CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS } from "@/lib/domain/forms/case-work-forms";
import { can } from "@/lib/domain/permissions";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { CaseFrame } from "../CaseFrame";
import { caseConfirmation } from "../confirmations";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** Contact and notes: the contact attempts and the notes, newest first; the forms are behind buttons, each on its own page. */
export default async function CaseContactPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const search = await searchParams;
  const { view } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false });
  const canWork = can(user.roles, "update:case:any");
  const base = `/cases/${view.id}/contact`;
  return (
    <>
      <CaseFrame view={view} roles={user.roles} section="contact" confirmation={caseConfirmation(search, view.state)} done={search.done} />
      <h2 className="govuk-heading-l">Contact and notes</h2>
      {canWork && (
        <div className="govuk-button-group">
          <a href={`${base}/attempt`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
            Log a contact attempt
          </a>
          <a href={`${base}/note`} role="button" draggable="false" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Add a note
          </a>
        </div>
      )}
      <h3 className="govuk-heading-m" id="contact-attempts">
        Contact attempts
      </h3>
      {view.unableToContact.prompt && (
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
          responsive
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
      <h3 className="govuk-heading-m" id="notes">
        Notes
      </h3>
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
    </>
  );
}
