import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { Table } from "@/components/content/Table";
import { requireUser } from "@/lib/auth/current-user";
import { IMPORT_KINDS, IMPORT_KIND_LABELS } from "@/lib/domain/import/import-columns";
import { loadImportStartPage } from "@/lib/server/imports/load-import-page";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { uploadImportAction } from "./actions";
import { ImportUploadForm } from "./ImportForms";

const STATUS_LABELS: Record<string, string> = {
  mapping: "Columns to check",
  previewed: "Checked, not created",
  committing: "Creating cases",
  committed: "Finished",
};

/** /referrals/import: upload a PRaP referral file or the monthly referral spreadsheet. */
export default async function ImportStartPage() {
  const user = await requireUser("import:referral:any");
  const [sites, recent] = await Promise.all([loadSiteOptions(user), loadImportStartPage(user)]);
  const defaultSiteId = sites.some((site) => site.id === user.siteId) ? (user.siteId ?? "") : "";
  const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={uploadImportAction}>
          <FormHeading caption="Referrals">Import a spreadsheet</FormHeading>
          <p className="govuk-body">
            Upload PRaP referrals to create a case for each row, or the monthly referral spreadsheet to check it against your cases. You will
            check the columns and see what the import would do before anything is created.
          </p>
          <ImportUploadForm
            action={uploadImportAction}
            sites={sites}
            kinds={IMPORT_KINDS.map((kind) => ({ value: kind, text: IMPORT_KIND_LABELS[kind] }))}
            defaultSiteId={defaultSiteId}
          />
          </FormActionScope>
        </div>
      </div>
      {recent.length > 0 && (
        <Table
          responsive
          caption="Recent imports"
          captionSize="m"
          head={[{ text: "File" }, { text: "Uploaded" }, { text: "Rows", numeric: true }, { text: "Status" }]}
          rows={recent.map((row) => ({
            id: row.id,
            cells: [
              {
                content: (
                  <a className="govuk-link" href={`/referrals/import/${row.id}`}>
                    {row.fileName}
                  </a>
                ),
              },
              { content: dateTime.format(new Date(row.createdAt)) },
              { content: row.rowCount.toLocaleString("en-GB"), numeric: true },
              { content: STATUS_LABELS[row.status] ?? row.status },
            ],
          }))}
        />
      )}
    </>
  );
}
