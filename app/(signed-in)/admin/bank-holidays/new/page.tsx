import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { parseBankHolidayFilter } from "@/lib/domain/forms/bank-holiday-forms";
import { createBankHolidayAction } from "../actions";
import { BANK_HOLIDAYS_PATH } from "../bank-holiday-text";
import { BankHolidayForm } from "../BankHolidayForms";

/** `?nation=scotland&year=2028` (from a coverage warning) pre-fills the nation and the year. */
export default async function NewBankHolidayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("manage:calendar:any");
  const query = await searchParams;
  const filter = parseBankHolidayFilter(query, 0);
  // The filter parser validates both; with no usable year it keeps the default we give it (0).
  const prefill = { nation: filter.nation, year: filter.year > 0 ? String(filter.year) : undefined };
  return (
    <>
      <BackLink href={BANK_HOLIDAYS_PATH} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={createBankHolidayAction}>
          <FormHeading>Add a bank holiday</FormHeading>
          <p className="govuk-body">
            Add a one-off holiday, or a new year’s dates from the{" "}
            <a className="govuk-link" href="https://www.gov.uk/bank-holidays">
              GOV.UK bank holidays page
            </a>
            . Saving it recomputes the due dates of every case in that nation.
          </p>
          <BankHolidayForm action={createBankHolidayAction} prefill={prefill} submitLabel="Add bank holiday" />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
