import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionsScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import type { ImportPage } from "@/lib/server/imports/get-import-page";
import { PREVIEW_ROWS_SHOWN } from "@/lib/server/imports/get-import-page";
import { loadImportPage } from "@/lib/server/imports/load-import-page";
import { commitImportAction, confirmImportMappingAction } from "../actions";
import { ImportCommitForm, ImportMappingForm } from "../ImportForms";
import { AutoRefresh } from "@/components/layout/AutoRefresh";

const OUTCOME_LABELS: Record<string, string> = {
  invalid: "Has errors",
  duplicate: "Duplicate",
  skipped: "Skipped",
  failed: "Failed",
};

function n(count: number): string {
  return count.toLocaleString("en-GB");
}

/** /referrals/import/[importId]: check the columns, preview, create with a progress bar, report. */
export default async function ImportPageRoute({ params, searchParams }: { params: Promise<{ importId: string }>; searchParams: Promise<{ mapping?: string }> }) {
  const user = await requireUser("import:referral:any");
  const { importId } = await params;
  const { mapping: savedMappingId } = await searchParams;
  const view = await loadImportPage(user, importId);
  const title = view.kind === "prap" ? "Import PRaP referrals" : "Reconcile the monthly referral spreadsheet";
  return (
    <>
      <BackLink href="/referrals/import" text="Back to imports" />
      {/* The mapping and commit forms (one shows at a time) have their state here, so the title starts "Error: " while the one shown has errors (UX-03). */}
      <FormActionsScope actions={{ mapping: confirmImportMappingAction, commit: commitImportAction }}>
      <FormHeading caption={`${view.fileName} – ${view.siteName}`}>{title}</FormHeading>
      {view.earlierImport && (
        <NotificationBanner title="Important">
          <p className="govuk-notification-banner__heading">This file was imported before.</p>
          <p className="govuk-body">Rows already recorded are skipped: importing the same file again creates nothing new.</p>
        </NotificationBanner>
      )}
      {view.status === "mapping" || (view.status === "previewed" && savedMappingId !== undefined) ? (
        <MappingStep view={view} savedMappingId={savedMappingId} />
      ) : view.status === "previewed" ? (
        <PreviewStep view={view} />
      ) : view.status === "committing" ? (
        <ProgressStep view={view} />
      ) : (
        <ReportStep view={view} />
      )}
      </FormActionsScope>
    </>
  );
}

function MappingStep({ view, savedMappingId }: { view: ImportPage; savedMappingId?: string }) {
  const saved = view.savedMappings.find((mapping) => mapping.id === savedMappingId);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h2 className="govuk-heading-m">Check the columns</h2>
        <p className="govuk-body">
          The file has {n(view.rowCount)} rows. We matched its columns by their headings: check each one, change any that are wrong, and choose
          “Not in this file” for a column the file does not have.
        </p>
        {view.savedMappings.length > 0 && (
          <>
            <h3 className="govuk-heading-s">Use a saved mapping</h3>
            <ul className="govuk-list">
              {view.savedMappings.map((mapping) => (
                <li key={mapping.id}>
                  <a className="govuk-link" href={`/referrals/import/${view.id}?mapping=${mapping.id}`}>
                    {mapping.name}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <ImportMappingForm
          action={confirmImportMappingAction}
          importId={view.id}
          version={view.version}
          headers={view.headers}
          columns={view.columns.map((column) => ({ field: column.field, label: column.label, required: Boolean(column.required) }))}
          mapping={saved?.mapping ?? view.mapping}
        />
      </div>
    </div>
  );
}

function ProblemTable({ view, caption }: { view: ImportPage; caption: string }) {
  if (view.problemRows.length === 0) return null;
  return (
    <>
      <Table
        caption={caption}
        captionSize="m"
        responsive
        head={[{ text: "Row", numeric: true }, { text: "Outcome" }, { text: "Column" }, { text: "Problem" }]}
        rows={view.problemRows.flatMap((row) =>
          row.problems.map((problem, index) => ({
            id: `${row.rowNumber}-${index}`,
            cells: [
              { content: n(row.rowNumber), numeric: true },
              { content: OUTCOME_LABELS[row.outcome] ?? row.outcome },
              { content: problem.column },
              { content: problem.message },
            ],
          })),
        )}
      />
      {view.problemRows.length >= PREVIEW_ROWS_SHOWN && <p className="govuk-body">The first {n(PREVIEW_ROWS_SHOWN)} rows with problems are shown; the report lists every row.</p>}
    </>
  );
}

function ReportDownload({ view }: { view: ImportPage }) {
  return (
    <form method="post" action={`/referrals/import/${view.id}/report`}>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Download the report (CSV)
      </button>
    </form>
  );
}

function PreviewStep({ view }: { view: ImportPage }) {
  return (
    <>
      <h2 className="govuk-heading-m">What the import will do</h2>
      <p className="govuk-body">Nothing has been created yet.</p>
      <SummaryList
        rows={[
          { key: "Rows in the file", value: n(view.rowCount) },
          { key: "Cases to create", value: n(view.counts.ready) },
          { key: "Rows with errors (not created)", value: n(view.counts.invalid) },
          { key: "Duplicates (skipped)", value: n(view.counts.duplicate) },
        ]}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`/referrals/import/${view.id}?mapping=`}>
          Change the columns
        </a>
      </p>
      <ImportCommitForm action={commitImportAction} importId={view.id} version={view.version} ready={view.counts.ready} />
      <ProblemTable view={view} caption="Rows that will not be created" />
      <ReportDownload view={view} />
    </>
  );
}

function ProgressStep({ view }: { view: ImportPage }) {
  const percent = view.rowCount === 0 ? 100 : Math.floor((view.processed / view.rowCount) * 100);
  return (
    <>
      {view.commitByJob ? (
        // A job commits it (over 1,000 rows): the page only reads the progress, refreshed by script every few seconds.
        <AutoRefresh />
      ) : (
        // The page advances the import a batch at a time and reloads itself (docs/decisions/0023-bulk-import-and-expected-referrals.md).
        <meta httpEquiv="refresh" content="1" />
      )}
      <h2 className="govuk-heading-m">Creating cases</h2>
      <label className="govuk-label" htmlFor="import-progress">
        <span role="status">
          {n(view.processed)} of {n(view.rowCount)} rows done ({percent}%)
        </span>
      </label>
      <progress id="import-progress" className="ses-import-progress" max={view.rowCount} value={view.processed}>
        {percent}%
      </progress>
      <p className="govuk-body">
        {view.commitByJob
          ? "The cases are created in the background. You can leave this page and come back to it: the import carries on."
          : "You can leave this page: the import carries on when you come back to it."}
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/referrals/import/${view.id}`}>
          Refresh the progress
        </a>
      </p>
    </>
  );
}

function ReportStep({ view }: { view: ImportPage }) {
  if (view.kind === "monthly") {
    return (
      <p className="govuk-body">
        <a className="govuk-link" href={view.reconciliationId ? `/referrals/reconciliations/${view.reconciliationId}` : "/referrals/import"}>
          Open the reconciliation
        </a>
      </p>
    );
  }
  return (
    <>
      <NotificationBanner type="success" title="Success">
        <p className="govuk-notification-banner__heading">
          Import finished: {n(view.counts.created)} {view.counts.created === 1 ? "case" : "cases"} created
        </p>
      </NotificationBanner>
      <SummaryList
        rows={[
          { key: "Rows in the file", value: n(view.rowCount) },
          { key: "Created", value: n(view.counts.created) },
          { key: "Skipped", value: n(view.counts.skipped) },
          { key: "Failed", value: n(view.counts.failed) },
        ]}
      />
      <ReportDownload view={view} />
      <ProblemTable view={view} caption="Rows not created" />
    </>
  );
}
