import { InsetText } from "@/components/content/InsetText";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { formatLongDate } from "@/lib/calendar/iso-date";
import type { Sl2View } from "@/lib/server/scr/get-sl2-view";

const DOCUMENT_LABELS = { sl2_page_1: "SL2 page 1", sl2_referral_form: "Referral form" } as const;

/**
 * An SCR case's SL2 (13.52–13.57, 13.74–13.78, 3.30–3.31, 3.40–3.44): what has gone back to the
 * JCP nominated officer and what is due, each return with its secure method and date, and the
 * print view with its marking. Shown only for an SCR case, which only a nominated officer can
 * open; the case page's read is audited once for the whole page (getCasePage).
 */
export function Sl2Section({ sl2, user }: { sl2: Sl2View; user: Pick<CurrentUser, "roles"> }) {
  const canWork = can(user.roles, "update:restricted-case:any");
  const base = `/cases/${sl2.caseId}/forms/sl2`;
  return (
    <section aria-labelledby="sl2">
      <h2 className="govuk-heading-m" id="sl2">
        SL2 clerical referral
      </h2>
      <InsetText>
        A Special Customer Record, referred clerically on SL2: there is nothing to acknowledge or accept in PRaP. The start is
        recorded at initial engagement, when the attachment fee is claimed (13.53, 13.74, 3.31, 3.40). Mark every SL2 page “
        {sl2.marking}” (13.77, 3.43).
      </InsetText>
      {sl2.due === "page_1" && <WarningText>Return SL2 page 1 to the JCP nominated officer, keeping pages 2 and 3 (13.55).</WarningText>}
      {sl2.due === "referral_form" && (
        <WarningText>The assessment is done: complete the referral form and return it to the JCP nominated officer (13.56).</WarningText>
      )}
      <SummaryList
        rows={[
          { key: "SL2 received", value: formatLongDate(sl2.receivedOn) },
          {
            key: "Marking (13.77, 3.43)",
            value: sl2.markingOverrideReason ? `${sl2.marking} (chosen: ${sl2.markingOverrideReason})` : sl2.marking,
            actions: canWork && sl2.markingOverridable ? [{ href: `${base}/marking`, label: "Change", visuallyHiddenText: "the SL2 marking" }] : undefined,
          },
          {
            key: "Page 1",
            value: sl2.page1ReturnedOn
              ? `Completed ${sl2.page1CompletedOn ? formatLongDate(sl2.page1CompletedOn) : ""}, returned ${formatLongDate(sl2.page1ReturnedOn)} by ${sl2.page1ReturnMethod ?? "a secure method"}; pages 2 and 3 kept`
              : "Not returned yet",
            actions:
              canWork && !sl2.page1ReturnedOn ? [{ href: `${base}/page-1`, label: "Record the return", visuallyHiddenText: "of SL2 page 1" }] : undefined,
          },
          {
            key: "Referral form",
            value: sl2.referralFormReturnedOn
              ? `Returned ${formatLongDate(sl2.referralFormReturnedOn)} by ${sl2.referralFormReturnMethod ?? "a secure method"}`
              : sl2.assessmentDone
                ? "Not returned yet"
                : "Due after the assessment",
            actions:
              canWork && sl2.due === "referral_form"
                ? [{ href: `${base}/referral-form`, label: "Record the return", visuallyHiddenText: "of the referral form" }]
                : undefined,
          },
        ]}
      />
      {sl2.returns.length > 0 && (
        <Table
          responsive
          caption="SL2 secure post log"
          captionSize="s"
          head={[{ text: "Document" }, { text: "Sent or received" }, { text: "Method" }, { text: "Tracking number" }, { text: "To or from" }, { text: "Date" }]}
          rows={sl2.returns.map((post) => ({
            id: post.id,
            cells: [
              { content: DOCUMENT_LABELS[post.document] },
              { content: post.direction === "sent" ? "Sent" : "Received" },
              { content: post.method },
              { content: post.trackingNumber ?? "—" },
              { content: post.counterparty },
              { content: formatLongDate(post.postedOn) },
            ],
          }))}
        />
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={`${base}/print`}>
          Print the SL2
        </a>
      </p>
    </section>
  );
}
