import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IdentityBar } from "@/components/content/IdentityBar";
import { InsetText } from "@/components/content/InsetText";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { Timeline } from "@/components/content/Timeline";
import { ClocksTable } from "@/components/cases/ClocksTable";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import { ROUTE_LABELS, RULESET_LABELS, STRAND_LABELS } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { getCaseView } from "@/lib/server/cases/case-view";
import { UseCaseError } from "@/lib/server/use-case-error";

export const metadata: Metadata = { title: "Case" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const now = new Date();
  const view = await getCaseView(await getPrisma(), user, caseId, { today: todayInLondon(now), now }).catch((error: unknown) => {
    if (error instanceof UseCaseError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const markers = [
    ...(view.restrictionTier === "mappa" ? [{ text: "MAPPA", colour: "purple" as const }] : []),
    ...(view.restrictionTier === "scr" ? [{ text: view.ruleset === "ses_2017" ? "SCR customer" : "SCR participant", colour: "red" as const }] : []),
  ];
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      <IdentityBar
        name={view.claimant.name}
        identifiers={[
          { label: "Case", value: view.reference },
          ...(view.claimant.nino ? [{ label: "NINO", value: view.claimant.nino }] : []),
          { label: "State", value: CASE_STATE_LABELS[view.state] },
        ]}
        markers={markers}
      />
      <h1 className="govuk-heading-l govuk-!-margin-top-6">Case {view.reference}</h1>
      {view.restrictionTier === "mappa" && (
        <InsetText>MAPPA case: further information from your nominated officer. Contact the participant via the nominated officer (13.71).</InsetText>
      )}
      <ClocksTable clocks={view.clocks} />
      <h2 className="govuk-heading-m">Summary</h2>
      <SummaryList
        rows={[
          { key: "Route", value: ROUTE_LABELS[view.route] },
          { key: "Ruleset", value: RULESET_LABELS[view.ruleset] },
          { key: "Strand", value: view.strand ? STRAND_LABELS[view.strand] : "Not decided" },
          { key: "Site", value: view.siteName },
          { key: "Caseworker", value: view.caseworkerName ?? "Unassigned" },
          { key: "Telephone", value: view.claimant.telephone ?? (view.restrictionTier === "mappa" ? "Via the nominated officer" : "Not recorded") },
          { key: "Address", value: view.claimant.address ?? (view.restrictionTier === "mappa" ? "Via the nominated officer" : "Not recorded") },
          ...view.dates.filter((date) => date.value).map((date) => ({ key: date.label, value: formatLongDate(date.value!) })),
        ]}
      />
      {view.prapReferrals.length > 0 && (
        <Table
          caption="PRaP referrals"
          captionSize="m"
          head={[{ text: "Purchase order" }, { text: "Referral ID" }, { text: "Provision" }, { text: "Referral date" }, { text: "Status" }]}
          rows={view.prapReferrals.map((referral) => ({
            id: referral.referralId,
            cells: [
              { content: referral.purchaseOrderNumber },
              { content: referral.referralId },
              { content: referral.provision },
              { content: formatLongDate(referral.referralDate) },
              { content: referral.status },
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
      <h2 className="govuk-heading-m">Timeline</h2>
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
          }))}
        />
      )}
    </>
  );
}
