import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { INBOX_LABELS, isEmailedPart } from "@/lib/domain/uc452/template";
import type { Clock } from "@/lib/domain/deadlines";
import { lateUcpr1Flag } from "@/lib/domain/warnings/deadline-warnings";
import type { FormsOverview } from "@/lib/server/paper-forms/get-forms-overview";

const PART_LABELS: Record<string, string> = {
  parts_1_to_4: "Parts 1 to 4",
  part_6: "Part 6",
  part_7: "Part 7",
  part_8a: "Part 8a",
  part_8b: "Part 8b",
};

/**
 * The case's paper trail: UC452 parts, UCPR1, the JCP SPoC chase, emails sent (docs/rules/forms.md).
 * The case page shows it for Universal Credit cases only (13.08, 13.12); an SCR case has no PRaP
 * referral and so no UC452/UCPR1 from JCP: its paper trail is the SL2 (Sl2Section).
 */
export function FormsSection({
  forms,
  clocks,
  user,
  startedOn = null,
}: {
  forms: FormsOverview;
  clocks: readonly Clock[];
  user: Pick<CurrentUser, "roles">;
  /** Once the participant has started, a missing form is no longer chased (lib/domain/case-tasks.ts). */
  startedOn?: string | null;
}) {
  const canWork = can(user.roles, "update:case:any");
  const base = `/cases/${forms.caseId}/forms`;
  // Two obligations, two tasks (docs/rules/clocks.md): the forms chase (13.14, from the referral
  // date) and the UCPR1 duplicate request (13.67, from the date the referral was received).
  const chase = clocks.find((clock) => clock.id === "forms_chase");
  const duplicate = clocks.find((clock) => clock.id === "ucpr1_duplicate");
  const missing = [...(forms.uc452ReceivedOn ? [] : ["the UC452"]), ...(forms.ucpr1 ? [] : ["the UCPR1"])];
  const due = (state: string | undefined) => state === "overdue" || state === "due_today";
  const chaseNow = !startedOn && missing.length > 0 && !forms.spocChasedOn && due(chase?.state);
  const duplicateNow = !startedOn && !forms.ucpr1 && !forms.ucpr1DuplicateRequestedOn && due(duplicate?.state);
  const received = (on: string | null) => (on ? `Received ${formatLongDate(on)}` : "Not received");
  const action = (href: string, label: string, hidden: string) => (canWork ? [{ href, label, visuallyHiddenText: hidden }] : undefined);

  return (
    <section aria-labelledby="forms">
      <h2 className="govuk-heading-m" id="forms">
        Forms
      </h2>
      {chaseNow && (
        <WarningText>
          Contact the JCP SPoC: {missing.join(" and ")} {missing.length > 1 ? "have" : "has"} not arrived by the 4th working day
          from the date of referral{chase?.dueOn ? ` (${formatLongDate(chase.dueOn)})` : ""} (13.14).{" "}
          {canWork && (
            <a className="govuk-link" href={`${base}/spoc-chased`}>
              Record that you contacted the JCP SPoC
            </a>
          )}
        </WarningText>
      )}
      {duplicateNow && (
        <WarningText>
          Ask the JCP SPoC for a duplicate UCPR1: it has not arrived within 4 working days of receiving the referral
          {duplicate?.dueOn ? ` (${formatLongDate(duplicate.dueOn)})` : ""}. They post it the same day (13.67).{" "}
          {canWork && (
            <a className="govuk-link" href={`${base}/ucpr1-duplicate-requested`}>
              Record that you asked for a duplicate
            </a>
          )}
        </WarningText>
      )}
      <SummaryList
        rows={[
          {
            key: "UC452 parts 1 to 4",
            value: received(forms.uc452ReceivedOn),
            actions: action(`${base}/uc452-received`, forms.uc452ReceivedOn ? "Change" : "Record receipt", "of the UC452"),
          },
          {
            key: "UCPR1",
            // 13.67: a UCPR1 that arrived after its 4th working day is flagged.
            value: [received(forms.ucpr1?.receivedOn ?? null), lateUcpr1Flag(forms.ucpr1?.receivedOn ?? null, chase?.dueOn ?? null)].filter(Boolean).join(". "),
            actions: action(`${base}/ucpr1-received`, forms.ucpr1 ? "Change" : "Record receipt", "of the UCPR1"),
          },
          {
            key: "JCP SPoC chased",
            value: forms.spocChasedOn ? formatLongDate(forms.spocChasedOn) : "Not chased",
            actions: action(`${base}/spoc-chased`, forms.spocChasedOn ? "Change" : "Record a chase", "of the JCP SPoC"),
          },
          {
            key: "Duplicate UCPR1 requested",
            value: forms.ucpr1DuplicateRequestedOn ? formatLongDate(forms.ucpr1DuplicateRequestedOn) : "Not requested",
            actions: action(
              `${base}/ucpr1-duplicate-requested`,
              forms.ucpr1DuplicateRequestedOn ? "Change" : "Record a request",
              "for a duplicate UCPR1",
            ),
          },
          ...forms.parts.map((part) => ({
            key: `UC452 ${part.title[0].toLowerCase()}${part.title.slice(1)}`,
            value: part.completedOn ? `Completed ${formatLongDate(part.completedOn)}` : "Completed",
            actions: isEmailedPart(part.part)
              ? [{ href: `${base}/uc452/${part.part}/email`, label: "Email", visuallyHiddenText: `UC452 ${PART_LABELS[part.part].toLowerCase()}` }]
              : undefined,
          })),
        ]}
      />
      {forms.ucpr1 && forms.ucpr1.fields.some((field) => field.value) && (
        <>
          <h3 className="govuk-heading-s">What the UCPR1 says</h3>
          <SummaryList rows={forms.ucpr1.fields.filter((field) => field.value).map((field) => ({ key: field.label, value: field.value }))} />
        </>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={`${base}/uc452/print`}>
          Print the UC452
        </a>
      </p>
      {forms.emails.length > 0 && (
        <Table
          responsive
          caption="UC452 emails sent"
          captionSize="s"
          head={[{ text: "Part" }, { text: "Inbox" }, { text: "To" }, { text: "Sent" }]}
          rows={forms.emails.map((email) => ({
            id: email.id,
            cells: [
              { content: PART_LABELS[email.part] },
              { content: INBOX_LABELS[email.inbox] },
              { content: email.recipient },
              { content: formatLongDate(email.sentOn) },
            ],
          }))}
        />
      )}
    </section>
  );
}
