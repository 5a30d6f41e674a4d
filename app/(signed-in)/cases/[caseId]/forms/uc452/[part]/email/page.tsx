import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { InsetText } from "@/components/content/InsetText";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { INBOX_LABELS, isEmailedPart } from "@/lib/domain/uc452/template";
import { loadUc452EmailPage } from "@/lib/server/paper-forms/load-uc452-email-page";
import { DocumentTitle } from "@/components/layout/DocumentTitle";

/** 13.21, 13.22: the completed part, one form per email, to each of the two DWP inboxes. */
export default async function Uc452EmailPage({ params }: { params: Promise<{ caseId: string; part: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId, part } = await params;
  if (!isEmailedPart(part)) notFound();
  const page = await loadUc452EmailPage(user, caseId, part);
  const canWork = can(user.roles, "update:case:any");
  const base = `/cases/${page.caseId}/forms/uc452/${part}`;
  return (
    <>
      <BackLink href={`/cases/${page.caseId}/forms`} text="Back to forms and letters" />
      <span className="govuk-caption-l">Case {page.reference}</span>
      <DocumentTitle>{casePageTitle("Email the UC452", "", page.reference)}</DocumentTitle>
      <h1 className="govuk-heading-l">Email UC452 part {part.slice(5)}</h1>
      {!page.form ? (
        <p className="govuk-body">This part of the UC452 has not been completed yet, so there is nothing to email.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">{page.form.title}</h2>
          <SummaryList
            rows={[
              ...page.form.fields.map((field) => ({ key: field.label, value: field.value })),
              ...(page.form.amendmentReason ? [{ key: `Amended (version ${page.form.version})`, value: page.form.amendmentReason }] : []),
            ]}
          />
          {canWork && part === "part_6" && (
            <p className="govuk-body">
              <a className="govuk-link" href={`${base}/amend`}>
                Amend part 6 with a reason
              </a>{" "}
              (the amended version is e-mailed again as a new version, 13.21)
            </p>
          )}
          <InsetText>
            Send one form per email, to each inbox below (13.21, 13.22). Open the downloaded email in your mail client and send it
            from the provider’s secure email route. Do not add sensitive information: the reason someone is not suitable is given
            to the JCP SPoC by telephone (13.31).
          </InsetText>
          {page.inboxes.map((inbox) => (
            <section key={inbox.inbox} aria-labelledby={`inbox-${inbox.inbox}`}>
              <h2 className="govuk-heading-m" id={`inbox-${inbox.inbox}`}>
                {INBOX_LABELS[inbox.inbox]}
              </h2>
              {inbox.recipient ? (
                <>
                  <p className="govuk-body">Address: {inbox.recipient}</p>
                  <ul className="govuk-list">
                    <li>
                      <a className="govuk-link" href={`${base}/email/${inbox.inbox}.eml`} download>
                        Download the email to the {INBOX_LABELS[inbox.inbox]}
                      </a>
                    </li>
                    {canWork && (
                      <li>
                        <a className="govuk-link" href={`${base}/sent/${inbox.inbox}`}>
                          Record that the email to the {INBOX_LABELS[inbox.inbox]} was sent
                        </a>
                      </li>
                    )}
                  </ul>
                </>
              ) : (
                <p className="govuk-body">No address is recorded for this inbox. Ask an administrator to add it to the provider details.</p>
              )}
              {inbox.sent.length === 0 ? (
                <p className="govuk-body">Not sent yet.</p>
              ) : (
                <Table
                  responsive
                  caption={`Emails sent to the ${INBOX_LABELS[inbox.inbox]}`}
                  captionSize="s"
                  head={[{ text: "Sent" }, { text: "To" }, { text: "Version" }]}
                  rows={inbox.sent.map((email) => ({
                    id: email.id,
                    cells: [{ content: formatLongDate(email.sentOn) }, { content: email.recipient }, { content: email.formVersion === null ? "" : String(email.formVersion) }],
                  }))}
                />
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
