import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadExpectedReferralsPage } from "@/lib/server/expected-referrals/load-expected-referral-pages";

/**
 * /referrals/expected: Warm Handover calls with no PRaP referral yet (3.05). One with no referral
 * after the set number of working days is a missing referral, with the task to chase the caller.
 */
export default async function ExpectedReferralsPage() {
  const user = await requireUser("read:case:any");
  const lines = await loadExpectedReferralsPage(user);
  const missing = lines.filter((line) => line.missing);
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      <PageHeading caption="Referrals">Expected referrals</PageHeading>
      <p className="govuk-body">Warm Handover calls recorded before their PRaP referral. When the referral is recorded, by hand or by import, it is matched to the call.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/referrals/expected/new">
          Record a Warm Handover call
        </a>
      </p>
      <p className="govuk-body">
        {lines.length} expected, of which {missing.length} missing.
      </p>
      {lines.length === 0 ? (
        <p className="govuk-body">No referrals are expected.</p>
      ) : (
        <Table
          caption="Expected: no PRaP referral yet"
          captionSize="m"
          responsive
          head={[{ text: "Customer" }, { text: "Call" }, { text: "Work Coach or DEA" }, { text: "Status" }, { text: "Action" }]}
          rows={lines.map((line) => ({
            id: line.id,
            cells: [
              { content: `${line.forename} ${line.surname}${line.nino ? ` (${line.nino})` : ""}${line.dateOfBirth ? `, born ${formatLongDate(line.dateOfBirth)}` : ""}` },
              { content: `${formatLongDate(line.calledOn)}${line.calledAt ? ` ${line.calledAt}` : ""}, ${line.siteName}` },
              {
                content: (
                  <>
                    {line.handoverName || "Not known"}
                    {line.jobcentre ? `, ${line.jobcentre}` : ""}
                    <br />
                    {line.handoverPhone}
                    <br />
                    {line.handoverEmail}
                  </>
                ),
              },
              {
                content: line.missing ? (
                  <>
                    <Tag colour="red" text="Missing referral" />
                    <br />
                    Chase the {line.handoverRole === "work_coach" ? "Work Coach" : line.handoverRole ? "DEA" : "Work Coach or DEA"}
                  </>
                ) : (
                  <Tag colour="grey" text="Expected: no PRaP referral yet" />
                ),
              },
              {
                content: (
                  <a className="govuk-link" href={`/referrals/expected/${line.id}/close`}>
                    Close<span className="govuk-visually-hidden"> the expected referral for {line.forename} {line.surname}</span>
                  </a>
                ),
              },
            ],
          }))}
        />
      )}
    </>
  );
}
