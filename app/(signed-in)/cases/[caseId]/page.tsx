import { Details } from "@/components/content/Details";
import { InsetText } from "@/components/content/InsetText";
import { SummaryCard } from "@/components/content/SummaryCard";
import { SummaryList } from "@/components/content/SummaryList";
import { TaskList } from "@/components/content/TaskList";
import { ClocksTable } from "@/components/cases/ClocksTable";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";
import { ROUTE_LABELS, RULESET_LABELS, STRAND_LABELS } from "@/lib/domain/case-labels";
import { can } from "@/lib/domain/permissions";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { CaseFrame } from "./CaseFrame";
import { caseConfirmation } from "./confirmations";
import { RestrictedRecordSection } from "./RestrictedRecordSection";
import { SroSection } from "./SroSection";

/**
 * The case's overview: what to do next (every open task, soonest first), the deadlines with "why
 * this date", the case in brief and everything the referral captured about the person. The other
 * sections are their own pages behind the sub navigation (CaseFrame).
 */
export default async function CaseOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const search = await searchParams;
  const { view, sessro1, tasks, mayTransfer, mayChangeCircumstances } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false, notes: false, contacts: false, sl2: false });
  const canWork = can(user.roles, "update:case:any");
  const base = `/cases/${view.id}`;
  const contactWithheld = view.restrictionTier === "mappa" ? "Contact via the nominated officer" : "Not recorded";
  const changeDetails = mayChangeCircumstances ? [{ href: `${base}/details`, label: "Change", visuallyHiddenText: "contact and personal details" }] : undefined;
  return (
    <>
      <CaseFrame view={view} roles={user.roles} section="overview" confirmation={caseConfirmation(search, view.state)} done={search.done} />
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
      {/* The overview fits a laptop screen (1366×768) for a typical case: the tasks and the key facts side by side first, the rest below. */}
      <div className="govuk-grid-row">
        <section className="govuk-grid-column-two-thirds" aria-labelledby="what-to-do-next">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id="what-to-do-next">
            What to do next
          </h2>
          {tasks.length === 0 ? (
            <p className="govuk-body">There is no referral step to record for this case now. Nothing is due.</p>
          ) : (
            <div className="ses-task-list--compact">
            <TaskList
              idPrefix="case-task"
              items={tasks.map((task) => ({
                title: task.label,
                href: task.href ?? undefined,
                hint: [task.dueOn ? `By ${formatLongDate(task.dueOn)}` : null, task.status.detail ? `(${task.status.detail})` : null, task.paragraphs.length > 0 ? `(${task.paragraphs.join(", ")})` : null].filter(Boolean).join(" ") || undefined,
                status: { tag: { text: task.status.text, colour: task.status.colour } },
              }))}
            />
            </div>
          )}
        </section>
        <section className="govuk-grid-column-one-third" aria-labelledby="key-facts">
          <h2 className="govuk-heading-m govuk-!-margin-bottom-2" id="key-facts">
            Key facts
          </h2>
          <SummaryList
            className="ses-summary-list--stacked"
            noBorder
            rows={[
              { key: "Route", value: ROUTE_LABELS[view.route] },
              { key: "Strand", value: view.strand ? STRAND_LABELS[view.strand] : "Not decided" },
              {
                key: "Site",
                value: view.siteName,
                actions: mayTransfer ? [{ href: `${base}/transfer`, label: "Move", visuallyHiddenText: "the case to another site" }] : undefined,
              },
              {
                key: "Caseworker",
                value: view.caseworkerName ?? "Unassigned",
                actions: canWork ? [{ href: `${base}/caseworker`, label: "Change", visuallyHiddenText: "caseworker" }] : undefined,
              },
            ]}
          />
        </section>
      </div>
      {view.lastTransfer && (
        <InsetText>
          {`Moved from ${view.lastTransfer.from} to ${view.lastTransfer.to} on ${formatLongDate(view.lastTransfer.on)}. The due dates were worked out again in the new site’s working days; “Why this date” names the calendar used.`}
        </InsetText>
      )}
      <ClocksTable clocks={view.clocks} />
      <h2 className="govuk-heading-m">The case</h2>
      <SummaryList
        rows={[
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
          ...view.dates.filter((date) => date.value).map((date) => ({ key: date.label, value: formatLongDate(date.value!) })),
          ...(view.closureReason ? [{ key: "Reason closed", value: view.closureReason }] : []),
          ...(view.closureNote ? [{ key: "Closure note", value: view.closureNote }] : []),
          ...view.closureDetails,
          ...(view.reReferralJustification ? [{ key: "Why a re-referral was accepted (13.39)", value: view.reReferralJustification }] : []),
        ]}
      />
      <SummaryCard
        title="Contact details"
        actions={changeDetails}
        rows={[
          { key: "Telephone", value: view.claimant.telephone ?? contactWithheld },
          ...(view.claimant.alternativeTelephone ? [{ key: "Alternative telephone", value: view.claimant.alternativeTelephone }] : []),
          { key: "Address", value: view.claimant.address ?? contactWithheld },
        ]}
      />
      <SummaryCard title="Personal details" actions={changeDetails} rows={view.claimant.personalDetails} />
      {view.welcomeCall.length > 0 && <SummaryCard title="Welcome call and reasonable adjustments" rows={view.welcomeCall} />}
      <Details summary="Employment history and qualifications">
        <SummaryCard
          title="Employment history"
          rows={
            view.claimant.employmentHistory.length === 0
              ? [{ key: "Jobs", value: "None recorded" }]
              : view.claimant.employmentHistory.map((job, index) => ({
                  key: index === 0 ? "Most recent job" : `Job ${index + 1}`,
                  value: [job.description, dateRange(job.startDate, job.endDate)].filter(Boolean).join(", "),
                }))
          }
        />
        <SummaryCard
          title="Qualifications"
          rows={
            view.claimant.qualifications.length === 0
              ? [{ key: "Qualifications", value: "None recorded" }]
              : view.claimant.qualifications.map((qualification, index) => ({
                  key: `${index + 1}. ${qualification.subject}`,
                  value: [qualification.level, qualification.outcome, dateRange(qualification.startDate, qualification.endDate)].filter(Boolean).join(", ") || "No level or result recorded",
                }))
          }
        />
      </Details>
    </>
  );
}

function dateRange(start: IsoDate | null, end: IsoDate | null): string | null {
  if (!start && !end) return null;
  return `${start ? formatLongDate(start) : "start not recorded"} to ${end ? formatLongDate(end) : "now"}`;
}
