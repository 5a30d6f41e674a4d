import { z } from "zod";
import { IMPORT_KINDS, PRAP_IMPORT_COLUMNS, MONTHLY_IMPORT_COLUMNS, type ColumnMapping } from "./import-columns";

/**
 * The import's forms (docs/decisions/0023-bulk-import-and-expected-referrals.md), shared by the
 * pages and the server actions. The mapping form posts `column-<field>` = the header's index, or
 * "" for "not in this file".
 */
export const importUploadSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS, { error: "Select what kind of file this is" }),
    siteId: z.uuid({ error: "Select a site from the list" }).transform((id) => id.toLowerCase()),
  })
  .strict();

const FIELDS = [...new Set([...PRAP_IMPORT_COLUMNS, ...MONTHLY_IMPORT_COLUMNS].map((column) => column.field))];

const columnChoice = z
  .string()
  .max(4, "Select a column from the list")
  .regex(/^\d*$/, "Select a column from the list")
  .optional()
  .transform((value) => (value ? Number(value) : null));

export const importMappingSchema = z
  .object({
    importId: z.uuid({ error: "That import could not be found." }).transform((id) => id.toLowerCase()),
    version: z.coerce.number({ error: "Reload the page and try again." }).int().min(1, "Reload the page and try again."),
    saveAs: z
      .string()
      .trim()
      .max(100, "Name for this mapping must be 100 characters or fewer")
      .optional()
      .transform((value) => (value ? value : null)),
    ...Object.fromEntries(FIELDS.map((field) => [`column-${field}`, columnChoice])),
  })
  .strict()
  .transform((form) => {
    const values = form as Record<string, unknown>;
    const mapping: ColumnMapping = {};
    for (const field of FIELDS) {
      const chosen = values[`column-${field}`];
      mapping[field] = typeof chosen === "number" ? chosen : null;
    }
    return { importId: form.importId, version: form.version, saveAs: form.saveAs, mapping };
  });

/** One click on a reconciliation row ("in the spreadsheet, no case") to record it as an expected referral. */
export const expectFromReconciliationSchema = z
  .object({
    reconciliationId: z.uuid({ error: "That reconciliation could not be found." }).transform((id) => id.toLowerCase()),
    rowNumber: z.coerce.number({ error: "Reload the page and try again." }).int("Reload the page and try again.").min(2, "Reload the page and try again.").max(1_000_000, "Reload the page and try again."),
  })
  .strict();
