/**
 * The columns an import understands, and the mapping the app proposes from a file's header row
 * (docs/decisions/0023-bulk-import-and-expected-referrals.md). Two kinds of file: PRaP referrals,
 * each row a referral the intake form would take (docs/rules/routes.md, routes 1 and 2), and the
 * monthly referral spreadsheet, which is only reconciled.
 *
 * The targets of a PRaP import are the intake form's own field names, so a row goes through the
 * same zod schema, with the same messages, as a hand-keyed referral.
 */

export const IMPORT_KINDS = ["prap", "monthly"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  prap: "PRaP referrals (creates a case for each row)",
  monthly: "The monthly referral spreadsheet (reconciled against cases; creates nothing)",
};

export interface ImportColumn {
  /** The intake form's field name (PRaP) or the reconciliation's (monthly). */
  field: string;
  label: string;
  /** Header names this column is known by, compared case- and spacing-insensitively. */
  aliases: readonly string[];
  required?: boolean;
  date?: boolean;
}

export const PRAP_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: "purchaseOrderNumber", label: "Purchase order number", aliases: ["purchase order", "po", "po number", "po no", "purchase order no", "purchase order number"], required: true },
  { field: "referralId", label: "Referral ID", aliases: ["referral id", "prap referral id", "referral reference", "referral ref"], required: true },
  { field: "provisionId", label: "Provision ID", aliases: ["provision id", "provision"], required: true },
  { field: "referralDate", label: "Referral date", aliases: ["referral date", "date of referral", "referred on", "date referred"], required: true, date: true },
  { field: "referralReceivedOn", label: "Date received", aliases: ["date received", "received", "received on", "referral received", "date referral received"], date: true },
  { field: "title", label: "Title", aliases: ["title"] },
  { field: "forename", label: "Forename", aliases: ["forename", "first name", "given name", "firstname"], required: true },
  { field: "surname", label: "Surname", aliases: ["surname", "last name", "family name", "lastname"], required: true },
  { field: "nino", label: "National Insurance number", aliases: ["nino", "ni number", "nino number", "national insurance number", "national insurance no", "ni no"], required: true },
  { field: "dateOfBirth", label: "Date of birth", aliases: ["date of birth", "dob", "d o b", "birth date", "birthdate"], date: true },
  { field: "clientNumber", label: "Client number", aliases: ["client number", "client no", "client id"] },
  { field: "disabled", label: "Disabled", aliases: ["disabled", "disability", "disabled marker"] },
  { field: "mappa", label: "MAPPA", aliases: ["mappa", "mappa marker"] },
  { field: "telephone", label: "Telephone", aliases: ["telephone", "phone", "telephone number", "phone number", "tel"] },
  { field: "alternativeTelephone", label: "Alternative telephone", aliases: ["alternative telephone", "alternative phone", "mobile", "other phone"] },
  { field: "addressLine1", label: "Address line 1", aliases: ["address line 1", "address 1", "address1", "address"] },
  { field: "addressLine2", label: "Address line 2", aliases: ["address line 2", "address 2", "address2"] },
  { field: "town", label: "Town or city", aliases: ["town", "city", "town or city"] },
  { field: "postcode", label: "Postcode", aliases: ["postcode", "post code", "postal code"] },
  { field: "handoverRole", label: "Work Coach or DEA", aliases: ["handover role", "work coach or dea", "referrer role", "warm handover by"] },
  { field: "handoverName", label: "Work Coach or DEA name", aliases: ["work coach", "dea", "work coach name", "dea name", "handover name", "referrer", "referrer name", "work coach or dea name"] },
  { field: "handoverOrganisation", label: "Jobcentre", aliases: ["jobcentre", "job centre", "jcp", "jobcentre plus", "office"] },
  { field: "handoverPhone", label: "Work Coach or DEA telephone", aliases: ["work coach phone", "dea phone", "handover phone", "referrer phone", "work coach telephone", "dea telephone"] },
  { field: "handoverEmail", label: "Work Coach or DEA email", aliases: ["work coach email", "dea email", "handover email", "referrer email", "work coach e mail", "dea e mail"] },
  { field: "warmHandoverOn", label: "Warm Handover date", aliases: ["warm handover date", "warm handover", "handover date", "date of warm handover"], date: true },
  { field: "initialAssessmentOn", label: "Initial Assessment date", aliases: ["initial assessment date", "ia date", "initial assessment"], date: true },
];

export const MONTHLY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: "nino", label: "National Insurance number", aliases: ["nino", "ni number", "national insurance number", "ni no"] },
  { field: "forename", label: "Forename", aliases: ["forename", "first name", "given name"] },
  { field: "surname", label: "Surname", aliases: ["surname", "last name", "family name"] },
  { field: "dateOfBirth", label: "Date of birth", aliases: ["date of birth", "dob", "d o b", "birth date", "birthdate"], date: true },
  { field: "referralDate", label: "Referral date", aliases: ["referral date", "date of referral", "referred on", "date referred"], date: true },
  { field: "purchaseOrderNumber", label: "Purchase order number", aliases: ["purchase order", "po", "po number", "purchase order number"] },
  { field: "referralId", label: "Referral ID", aliases: ["referral id", "prap referral id"] },
  { field: "handoverName", label: "Work Coach or DEA name", aliases: ["work coach", "dea", "work coach name", "dea name", "referrer", "work coach or dea"] },
  { field: "site", label: "Site", aliases: ["site", "delivery site", "provider site", "location"] },
];

export function importColumns(kind: ImportKind): readonly ImportColumn[] {
  return kind === "prap" ? PRAP_IMPORT_COLUMNS : MONTHLY_IMPORT_COLUMNS;
}

/** A mapping: field → the header's index in the file, or null when not in the file. */
export type ColumnMapping = Record<string, number | null>;

/** "Purchase Order  No." and "purchase_order_no" are the same header. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The mapping the app proposes: each column to the first header that is one of its aliases or its label. */
export function proposeMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const column of importColumns(kind)) {
    const names = [normaliseHeader(column.label), ...column.aliases.map(normaliseHeader)];
    const index = normalised.findIndex((header, position) => !taken.has(position) && names.includes(header));
    mapping[column.field] = index === -1 ? null : index;
    if (index !== -1) taken.add(index);
  }
  return mapping;
}

/** Problems with a chosen mapping: a required column not chosen, or one header chosen twice. */
export function mappingProblems(kind: ImportKind, mapping: ColumnMapping, headers: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Map<number, string>();
  for (const column of importColumns(kind)) {
    const index = mapping[column.field];
    if (index === null || index === undefined) {
      if (column.required) problems[column.field] = `Select the column that holds the ${column.label.toLowerCase()}`;
      continue;
    }
    if (index < 0 || index >= headers.length) {
      problems[column.field] = `Select a column from the file for the ${column.label.toLowerCase()}`;
      continue;
    }
    const other = seen.get(index);
    if (other) problems[column.field] = `Column “${headers[index]}” is already chosen for the ${other.toLowerCase()}`;
    else seen.set(index, column.label);
  }
  if (kind === "monthly" && mapping.nino == null && (mapping.forename == null || mapping.surname == null)) {
    problems.nino = "Select the column that holds the National Insurance number, or both name columns";
  }
  return problems;
}
