import { Timeline } from "@/components/content/Timeline";
import { requireUser } from "@/lib/auth/current-user";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { CaseFrame } from "../CaseFrame";

const keyed = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/**
 * The case's history in plain words (lib/domain/timeline-wording.ts): what changed, by whom, and
 * when it was keyed; a step's business date is in its details. MoJ timeline, no heading per entry.
 */
export default async function CaseTimelinePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const { view } = await loadCasePage(user, caseId, { caseworkers: false });
  return (
    <>
      <CaseFrame view={view} roles={user.roles} section="timeline" />
      <h2 className="govuk-heading-l">Timeline</h2>
      <p className="govuk-body">
        Newest first. An administrator can correct a recorded date or undo the last step:{" "}
        <a className="govuk-link" href={`/cases/${view.id}/amend`}>
          Amend with reason
        </a>
        .
      </p>
      {view.timeline.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : (
        <Timeline
          headingLevel="none"
          items={view.timeline.map((event) => ({
            id: event.id,
            title: event.title,
            byline: event.actorName ?? "the system",
            datetime: event.at,
            displayDate: `Keyed ${keyed.format(new Date(event.at))}`,
            description:
              event.details.length > 0 ? (
                <ul className="govuk-list">
                  {event.details.map((line, index) => (
                    <li key={index} className="ses-note-text">
                      {line}
                    </li>
                  ))}
                </ul>
              ) : undefined,
          }))}
        />
      )}
    </>
  );
}
