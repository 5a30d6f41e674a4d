"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Step 1: the file, what kind it is and the site (docs/decisions/0023-bulk-import-and-expected-referrals.md). */
export function ImportUploadForm({
  action,
  sites,
  kinds,
  defaultSiteId,
}: {
  action: Action;
  sites: { id: string; name: string }[];
  kinds: { value: string; text: string }[];
  defaultSiteId: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const fileError = state.fieldErrors.file;
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} encType="multipart/form-data" noValidate>
        <Radios name="kind" label="What kind of file is it?" labelSize="m" items={kinds} error={state.fieldErrors.kind} defaultValue={state.values.kind ?? ""} />
        <Select
          name="siteId"
          label="Site"
          hint="Caseworkers import for their own site."
          options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]}
          error={state.fieldErrors.siteId}
          defaultValue={state.values.siteId ?? defaultSiteId}
        />
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="file">
            Upload a file
          </label>
          <div id="file-hint" className="govuk-hint">
            A CSV or Excel (XLSX) file up to 20 MB and 50,000 rows, with a header row.
          </div>
          {fileError && (
            <p id="file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fileError}
            </p>
          )}
          <input
            className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <Button type="submit" disabled={pending}>
          Upload and check the columns
        </Button>
      </form>
    </>
  );
}

/** Step 2: confirm or change the column mapping the app proposed. */
export function ImportMappingForm({
  action,
  importId,
  version,
  headers,
  columns,
  mapping,
}: {
  action: Action;
  importId: string;
  version: number;
  headers: string[];
  columns: { field: string; label: string; required: boolean }[];
  mapping: Record<string, number | null>;
}) {
  const [state, formAction, pending] = useFormAction(action, "mapping");
  const options = [{ value: "", text: "Not in this file" }, ...headers.map((header, index) => ({ value: String(index), text: header }))];
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="importId" value={importId} />
        <input type="hidden" name="version" value={version} />
        {columns.map((column) => {
          const name = `column-${column.field}`;
          const chosen = mapping[column.field];
          return (
            <Select
              key={column.field}
              name={name}
              label={`${column.label}${column.required ? "" : " (optional)"}`}
              options={options}
              error={state.fieldErrors[name]}
              defaultValue={state.status === "error" ? (state.values[name] ?? "") : chosen === null || chosen === undefined ? "" : String(chosen)}
            />
          );
        })}
        <TextInput
          name="saveAs"
          label="Save this mapping for next month (optional)"
          hint="Give it a name, for example “PRaP monthly extract”."
          error={state.fieldErrors.saveAs}
          defaultValue={state.values.saveAs ?? ""}
        />
        <Button type="submit" disabled={pending}>
          Check the rows
        </Button>
      </form>
    </>
  );
}

/** Step 3: create the valid rows. */
export function ImportCommitForm({ action, importId, version, ready }: { action: Action; importId: string; version: number; ready: number }) {
  const [state, formAction, pending] = useFormAction(action, "commit");
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="importId" value={importId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" disabled={pending || ready === 0}>
          {ready === 1 ? "Create 1 case" : `Create ${ready.toLocaleString("en-GB")} cases`}
        </Button>
      </form>
    </>
  );
}

/** One click: a reconciliation row with no case becomes an expected referral (3.05). */
export function ExpectFromRowForm({ action, reconciliationId, rowNumber, name }: { action: Action; reconciliationId: string; rowNumber: number; name: string }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} noValidate>
      {state.status === "error" && state.message && <p className="govuk-error-message">{state.message}</p>}
      <input type="hidden" name="reconciliationId" value={reconciliationId} />
      <input type="hidden" name="rowNumber" value={rowNumber} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>
        Create an expected referral<span className="govuk-visually-hidden"> for row {rowNumber}, {name}</span>
      </button>
    </form>
  );
}
