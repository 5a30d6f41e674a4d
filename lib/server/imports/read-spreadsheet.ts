import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import { formatIsoDate, parseIsoDate } from "@/lib/calendar/iso-date";
import { UseCaseError } from "../use-case-error";

/**
 * An uploaded CSV or XLSX → its header row and data rows as text, read with csv-parse and exceljs
 * (no parser of our own). What a spreadsheet can hold is answered here, once:
 *  - the type is decided from the bytes, never the name: an XLSX is a ZIP ("PK\3\4"); a CSV is
 *    UTF-8 text with no NUL byte. A renamed binary is refused with a clear message.
 *  - CSV: a byte-order mark is dropped, Windows line endings are read, and the delimiter (comma,
 *    semicolon or tab) is the one the header row uses most.
 *  - XLSX: the first worksheet; a formula is read as the value Excel saved with it, never
 *    evaluated; a date cell becomes an ISO date; a merged cell reads as its top-left cell's value.
 *  - fully blank rows are dropped; every other row keeps its row number in the sheet (the header
 *    is row 1), so messages point where the user looks.
 *  - limits (docs/security.md IV-01): 20 MB, 50,000 data rows; a cell is kept up to
 *    MAX_CELL_LENGTH characters, more than any intake field takes, so an oversized cell is
 *    reported by the intake schema's own length message.
 *
 * A CSV is read as a stream (docs/decisions/0023-bulk-import-and-expected-referrals.md): each data
 * row is handed to the caller as it is parsed and is not kept here, so a 50,000-row file is never
 * held as a table of rows. What can only be known at the end (a header-only file, too many rows,
 * too many columns) is refused after the last row, with the same messages as before: the caller
 * writes inside a transaction, which the refusal rolls back. A file that might have more than
 * 50,000 rows is counted first, so one that has is refused before anything is handed over.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_CELL_LENGTH = 5_000;
export const MAX_COLUMNS = 200;

export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** What the caller does with the file as it is read. */
export interface SheetReader {
  /** The header row (blank headers named by their place, repeated ones numbered), once, before the first data row. */
  headers(headers: string[]): Promise<void>;
  /** Each data row in file order, its cells fitted to the header's width; a returned promise is awaited before the next row is read. */
  row(row: SheetRow): Promise<void> | void;
}

export interface Spreadsheet {
  format: "csv" | "xlsx";
  headers: string[];
  /** Data rows handed to the reader. */
  rowCount: number;
  /** Rows with nothing in them, dropped. */
  blankRows: number;
}

function refuseFile(message: string): never {
  throw new UseCaseError("INVALID", message, { file: message });
}

/** Kept up to MAX_CELL_LENGTH characters; a NUL (which no text column holds, and jsonb refuses) is dropped. */
function clip(value: string): string {
  const text = value.length > MAX_CELL_LENGTH ? value.slice(0, MAX_CELL_LENGTH) : value;
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An uploaded file whose type and encoding are known, ready to be read. */
export interface OpenedSpreadsheet {
  /** Read the file, handing its header and data rows to `reader` as they come. */
  read(reader: SheetReader): Promise<Spreadsheet>;
}

/**
 * The refusals that need only the bytes (empty, too large, not a CSV or an XLSX) come here,
 * before anything is read; the others when the file is read, after its last row.
 */
export async function openSpreadsheet(bytes: Uint8Array): Promise<OpenedSpreadsheet> {
  if (bytes.length === 0) refuseFile("The selected file is empty");
  if (bytes.length > MAX_UPLOAD_BYTES) refuseFile("The selected file must be smaller than 20 MB");
  if (isZip(bytes)) {
    const table = await readXlsx(bytes);
    return {
      async read(reader) {
        if (table.length > MAX_IMPORT_ROWS + 1) await toSpreadsheet("xlsx", table, null);
        return toSpreadsheet("xlsx", table, reader);
      },
    };
  }
  const csv = csvSource(bytes);
  return {
    async read(reader) {
      // More line breaks than the most rows one import takes: count the rows first (nothing
      // handed over), so a file with too many is refused before anything is written.
      if (csv.mayExceedRowLimit) await toSpreadsheet("csv", csvRecords(csv), null);
      return toSpreadsheet("csv", csvRecords(csv), reader);
    },
  };
}

/**
 * One pass over the records: cells are trimmed and clipped, blank rows dropped and counted, and
 * each kept row is fitted to the header's width and handed to the reader (none when `reader` is
 * null: the row count alone). The refusals come after the last record, in this order: no header,
 * no data rows, too many rows, too many columns.
 */
async function toSpreadsheet(format: "csv" | "xlsx", records: Iterable<string[]> | AsyncIterable<string[]>, reader: SheetReader | null): Promise<Spreadsheet> {
  let header: string[] | null = null;
  let headers: string[] = [];
  let blankRows = 0;
  let rowCount = 0;
  let index = 0;
  for await (const cells of records) {
    index += 1;
    let filled = false;
    for (let column = 0; column < cells.length; column += 1) {
      const cell = clip(cells[column].trim());
      cells[column] = cell;
      if (cell !== "") filled = true;
    }
    if (!filled) {
      blankRows += 1;
      continue;
    }
    if (header === null) {
      header = cells;
      headers = dedupeHeaders(header);
      // Too many columns is refused at the end: nothing is handed over meanwhile.
      if (reader && header.length <= MAX_COLUMNS) await reader.headers(headers);
      continue;
    }
    rowCount += 1;
    if (!reader || header.length > MAX_COLUMNS || rowCount > MAX_IMPORT_ROWS) continue;
    const length = cells.length;
    cells.length = headers.length;
    for (let column = length; column < headers.length; column += 1) cells[column] = "";
    const handed = reader.row({ rowNumber: index, cells });
    if (handed) await handed;
  }
  if (header === null) refuseFile("The selected file is empty");
  if (rowCount === 0) refuseFile("The selected file has a header row but no rows of data");
  if (rowCount > MAX_IMPORT_ROWS) {
    refuseFile(`The selected file has ${rowCount.toLocaleString("en-GB")} rows of data: the most one import takes is ${MAX_IMPORT_ROWS.toLocaleString("en-GB")}. Split it into smaller files`);
  }
  if (header.length > MAX_COLUMNS) refuseFile(`The selected file has more than ${MAX_COLUMNS} columns: check it is the right file`);
  return { format, headers, rowCount, blankRows };
}

/** Blank headers get their column letter's place ("Column 3"); a repeated header (a merged cell) a number. */
function dedupeHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const name = cell === "" ? `Column ${index + 1}` : cell;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

// ─── CSV ────────────────────────────────────────────────────────────────────────────────

const BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;
/** The slice of the file csv-parse is given at a time: what it parses ahead of the reader. */
const CSV_SLICE = 64 * 1024;

interface CsvSource {
  /** UTF-8 bytes to parse (a leading byte-order mark removed, as the text decoder does). */
  bytes: Uint8Array;
  delimiter: string;
  /** The file has more line breaks than a file of MAX_IMPORT_ROWS data rows can. */
  mayExceedRowLimit: boolean;
}

const hasBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/**
 * The bytes csv-parse reads: UTF-8 as uploaded (checked, not copied into a string), or a
 * Windows-1252 file (Excel on Windows saves "CSV" so) decoded and encoded as UTF-8.
 */
function csvSource(uploaded: Uint8Array): CsvSource {
  const sample = uploaded.subarray(0, 64 * 1024);
  if (sample.includes(0)) refuseFile("The selected file must be a CSV or an Excel (XLSX) file");
  let bytes: Uint8Array;
  if (isUtf8(uploaded)) {
    // As new TextDecoder("utf-8") would read it: one leading byte-order mark dropped.
    bytes = hasBom(uploaded) ? uploaded.subarray(3) : uploaded;
  } else {
    // Not UTF-8: Excel on Windows saves "CSV" as Windows-1252, which is text too.
    const text = new TextDecoder("windows-1252").decode(uploaded);
    if (/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 64 * 1024))) refuseFile("The selected file must be a CSV or an Excel (XLSX) file");
    bytes = Buffer.from(text, "utf8");
  }
  return { bytes, delimiter: guessDelimiter(bytes), mayExceedRowLimit: mayExceedRowLimit(bytes) };
}

/** The delimiter the header row (the text's first line) uses most: comma, semicolon or tab. */
function guessDelimiter(bytes: Uint8Array): string {
  const end = bytes.indexOf(LF);
  const firstLine = Buffer.from(bytes.buffer, bytes.byteOffset, end === -1 ? bytes.length : end)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "");
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ",";
}

/**
 * Whether the records could number more than a header and MAX_IMPORT_ROWS data rows. csv-parse
 * ends records with one line ending, the first it meets (CRLF, LF or CR), so there are at most
 * as many records as that character's count, plus one, less one when the file ends with it.
 */
function mayExceedRowLimit(bytes: Uint8Array): boolean {
  let lf = 0;
  let cr = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lf += 1;
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) cr += 1;
  const last = bytes[bytes.length - 1];
  const records = Math.max(lf, cr) + 1 - (last === LF || last === CR ? 1 : 0);
  return records > MAX_IMPORT_ROWS + 1;
}

/** The file's records, parsed a slice at a time as they are asked for. */
async function* csvRecords(source: CsvSource): AsyncGenerator<string[]> {
  const { bytes } = source;
  const slices = function* () {
    for (let start = 0; start < bytes.length; start += CSV_SLICE) {
      yield Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(CSV_SLICE, bytes.length - start));
    }
  };
  const parser = parseCsv({
    bom: true,
    delimiter: source.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const input = Readable.from(slices(), { objectMode: false });
  input.pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? ` (line ${String((error as { lines: unknown }).lines)})` : "";
    refuseFile(`The selected file could not be read as CSV${line}: check it is saved as CSV or XLSX`);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

// ─── XLSX ───────────────────────────────────────────────────────────────────────────────

const EXCEL_EPOCH = parseIsoDate("1899-12-30");

function dateText(date: Date): string {
  // exceljs gives a date cell as midnight UTC of that calendar date.
  return formatIsoDate(EXCEL_EPOCH + Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      // The value Excel saved with the formula; never evaluated here.
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === "object" && result !== null && "error" in result) ? "" : cellText(result);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    refuseFile("The selected file is not a valid Excel (XLSX) file: open it in Excel and save it as XLSX or CSV");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) refuseFile("The selected file is empty");
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1 + 10_000) {
    refuseFile(`The selected file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows of data: split it into smaller files`);
  }
  const width = Math.min(sheet.columnCount, MAX_COLUMNS + 1);
  const rows: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}
