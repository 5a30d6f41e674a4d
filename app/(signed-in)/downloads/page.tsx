import { EmptyState } from "@/components/content/EmptyState";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { Button } from "@/components/forms/Button";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { EXPORT_FILE_HOURS, EXPORT_FILE_STATUS_TEXT, type ExportFileStatus } from "@/lib/domain/exports/export-files";
import type { ExportFileRow } from "@/lib/server/exports/list-export-files";
import { loadDownloadsPage } from "@/lib/server/exports/load-downloads-page";
import { AutoRefresh } from "@/components/layout/AutoRefresh";

const TAG_COLOUR: Record<ExportFileStatus, "grey" | "blue" | "green" | "red"> = { queued: "grey", running: "blue", ready: "green", failed: "red" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", hour: "numeric", minute: "2-digit", hour12: true });

function when(date: Date): string {
  return timeFormat.format(date).replace(" at ", ", ");
}

function progress(file: ExportFileRow): string {
  const rows = (count: number) => count.toLocaleString("en-GB");
  switch (file.status) {
    case "queued":
      return `Waiting to start: ${rows(file.rowsTotal)} rows`;
    case "running":
      return `${rows(file.rowsWritten)} of ${rows(file.rowsTotal)} rows written`;
    case "ready":
      return `${rows(file.rowsWritten)} rows`;
    case "failed":
      return "The file could not be prepared. Export the list again, or ask an administrator to check the jobs page.";
  }
}

function DownloadButton({ file }: { file: ExportFileRow }) {
  return (
    <form method="post" action={`/downloads/${file.id}`} className="govuk-!-margin-0">
      <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
        Download<span className="govuk-visually-hidden"> {file.label}</span>
      </Button>
    </form>
  );
}

/**
 * The user's CSV exports built in the background (docs/decisions/0022-background-jobs.md): queued,
 * being prepared (rows written of total), ready to download, or failed; each kept 24 hours.
 */
export default async function DownloadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const files = await loadDownloadsPage(user);
  const queued = (await searchParams).queued;
  const justQueued = typeof queued === "string" && files.some((file) => file.id === queued);
  const pending = files.filter((file) => file.status === "queued" || file.status === "running");
  return (
    <>
      {justQueued && (
        <NotificationBanner title="Important">
          Your export has more than 5,000 rows, so it is being prepared in the background. It will be ready to download on this page.
        </NotificationBanner>
      )}
      <PageHeading>Downloads</PageHeading>
      <p className="govuk-body">
        Exports of more than 5,000 rows are prepared in the background and appear here. Each file is kept for {EXPORT_FILE_HOURS} hours, and only you
        can download it.
      </p>
      <div role="status" aria-live="polite" className="govuk-body">
        {pending.length > 0 ? `${pending.length === 1 ? "1 file is" : `${pending.length} files are`} being prepared.` : files.length > 0 ? "No files are being prepared." : ""}
      </div>
      {pending.length > 0 && (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href="/downloads">
              Refresh<span className="govuk-visually-hidden"> the list of downloads</span>
            </a>
          </p>
          <AutoRefresh seconds={3} />
        </>
      )}
      {files.length === 0 ? (
        <EmptyState>You have no files to download.</EmptyState>
      ) : (
        <Table
          responsive
          caption="Your files"
          captionSize="m"
          head={[{ text: "File" }, { text: "Requested" }, { text: "Status" }, { text: "Progress" }, { text: "Action" }]}
          rows={files.map((file) => ({
            id: file.id,
            cells: [
              { content: file.label },
              { content: when(file.createdAt) },
              { content: <Tag text={EXPORT_FILE_STATUS_TEXT[file.status]} colour={TAG_COLOUR[file.status]} /> },
              { content: progress(file) },
              { content: file.status === "ready" ? <DownloadButton file={file} /> : "" },
            ],
          }))}
        />
      )}
    </>
  );
}
