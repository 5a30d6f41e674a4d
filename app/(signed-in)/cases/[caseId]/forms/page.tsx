import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { CaseFrame } from "../CaseFrame";
import { caseConfirmation } from "../confirmations";
import { FormsSection } from "../FormsSection";
import { Sl2Section } from "../Sl2Section";

const CONTACT_ROLE_LABELS: Record<string, string> = {
  work_coach: "Work Coach",
  disability_employment_adviser: "Disability Employment Adviser (DEA)",
  jcp_spoc: "JCP SPoC",
  jcp_nominated_officer: "JCP nominated officer",
  sro: "Statutory Referral Organisation (SRO)",
};

/** Forms and letters: the PRaP referrals, the UC paper trail (UC452, UCPR1) or the SCR case's SL2, and the DWP contacts. */
export default async function CaseFormsPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const search = await searchParams;
  const { view, forms, sl2 } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false });
  return (
    <>
      <CaseFrame view={view} roles={user.roles} section="forms" confirmation={caseConfirmation(search, view.state)} done={search.done} />
      {sl2 && <Sl2Section sl2={sl2} user={user} />}
      {forms && <FormsSection forms={forms} clocks={view.clocks} user={user} startedOn={view.dates.find((date) => date.label === "Started")?.value ?? null} />}
      {!sl2 && !forms && <p className="govuk-body">This case has no UC452, UCPR1 or SL2: its referral came through PRaP alone.</p>}
      {view.prapReferrals.length > 0 && (
        <Table
          responsive
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
        <>
          <h2 className="govuk-heading-m">Contacts at Jobcentre Plus</h2>
          {view.contacts.map((contact, index) => (
            <SummaryList
              key={`${contact.role}-${index}`}
              rows={[
                { key: "Role", value: CONTACT_ROLE_LABELS[contact.role] ?? contact.role.replace(/_/g, " ") },
                { key: "Name", value: contact.name },
                { key: "Telephone", value: contact.phone ?? "Not recorded" },
                { key: "Email", value: contact.email ?? "Not recorded" },
              ]}
            />
          ))}
        </>
      )}
    </>
  );
}
