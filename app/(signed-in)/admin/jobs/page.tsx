import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Table } from "@/components/content/Table";
import { Tag, type TagColour } from "@/components/content/Tag";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadJobsPage } from "@/lib/server/jobs/load-jobs-page";
import type { JobStatus } from "@/lib/server/jobs/list-jobs";
import { changeJobAction } from "./actions";
import { JobActionForm } from "./JobActionForm";

const STATUS: Record<JobStatus, { text: string; colour: TagColour }> = {
  queued: { text: "Queued", colour: "grey" },
  running: { text: "Running", colour: "blue" },
  retrying: { text: "Retrying", colour: "yellow" },
  failed: { text: "Failed", colour: "red" },
};

const BANNERS: Record<string, string> = { retried: "The job will run again now.", cancelled: "The job was cancelled." };

const when = (at: Date) => at.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });

/** Background jobs for administrators (docs/decisions/0022-background-jobs.md): queued, running, retrying, failed; retry and cancel. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:settings:any");
  const jobs = await loadJobsPage(user);
  const { updated } = await searchParams;
  return (
    <>
      {updated && BANNERS[updated] && <NotificationBanner type="success" title="Success">{BANNERS[updated]}</NotificationBanner>}
      <PageHeading>Background jobs</PageHeading>
      {jobs === null ? (
        <p className="govuk-body">The job queue is not set up on this database yet. Start the app with npm start, which sets it up.</p>
      ) : jobs.length === 0 ? (
        <p className="govuk-body">No jobs are waiting, running or failed. Completed jobs leave the queue.</p>
      ) : (
        <Table
          caption="Jobs in the queue"
          captionSize="m"
          responsive
          head={[{ text: "Job" }, { text: "Task" }, { text: "Status" }, { text: "Attempts", numeric: true }, { text: "Runs at" }, { text: "Last error" }, { text: "Actions" }]}
          rows={jobs.map((job) => ({
            id: job.id,
            cells: [
              { content: job.id },
              { content: job.task },
              { content: <Tag text={STATUS[job.status].text} colour={STATUS[job.status].colour} /> },
              { content: `${job.attempts} of ${job.maxAttempts}`, numeric: true },
              { content: when(job.runAt) },
              { content: job.lastError ?? "None" },
              {
                content:
                  job.status === "running" ? (
                    "Running now"
                  ) : (
                    <>
                      <JobActionForm action={changeJobAction} jobId={job.id} operation="retry" task={job.task} />
                      {job.status !== "failed" && <JobActionForm action={changeJobAction} jobId={job.id} operation="cancel" task={job.task} />}
                    </>
                  ),
              },
            ],
          }))}
        />
      )}
    </>
  );
}
