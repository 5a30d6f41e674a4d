import { formatIsoDate, isIsoDate, parseIsoDate, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * Dates as spreadsheets hold them, turned into the GOV.UK date input's three parts so the intake
 * schema checks them with its own messages (lib/domain/forms/referral-intake.ts):
 *  - an ISO date (what the reader makes of a cell Excel formats as a date),
 *  - an Excel serial number (days since 30 December 1899, Excel's 1900 leap-year bug included),
 *  - UK text: day first, "27/03/2017", "27-3-17", "27.03.2017", "27 March 2017".
 * Anything else is passed on as typed, so the schema's "must be a real date" answers it.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const EXCEL_EPOCH = parseIsoDate("1899-12-30");

export function excelSerialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return formatIsoDate(EXCEL_EPOCH + Math.floor(serial));
}

function twoDigitYear(year: string, latestYear: number | undefined): string {
  if (year.length !== 2) return year;
  // 2-digit years are this century: SES ran 2015–2019 (docs/rules/clocks.md). A date that cannot
  // be in the future (a date of birth) is the last century when this century's would be.
  if (latestYear !== undefined && 2000 + Number(year) > latestYear) return `19${year}`;
  return `20${year}`;
}

/** `latestYear`: for a date never in the future (a date of birth), this year, so "3/4/65" is 1965. */
export function cellToDateParts(cell: string, options: { latestYear?: number } = {}): DateParts {
  const value = cell.trim();
  if (value === "") return { day: "", month: "", year: "" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (iso && isIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`)) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] };
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const date = excelSerialToIsoDate(Number(value));
    if (date) {
      const [year, month, day] = date.split("-");
      return { day: String(Number(day)), month: String(Number(month)), year };
    }
  }
  const uk = /^(\d{1,2})[/.\- ](\d{1,2}|[A-Za-z]{3,9})[/.\- ](\d{2}|\d{4})$/.exec(value);
  if (uk) return { day: uk[1], month: uk[2], year: twoDigitYear(uk[3], options.latestYear) };
  // Not a date in any form above: parts that make the schema answer "must be a real date".
  return { day: value.slice(0, 20), month: "?", year: "?" };
}
