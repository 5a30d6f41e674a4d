import { EmptyState } from "@/components/content/EmptyState";
import { AutoRefresh } from "@/components/layout/AutoRefresh";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { WarningText } from "@/components/content/WarningText";
import { Button } from "@/components/forms/Button";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { CALENDAR_YEARS, NATION_CODES, parseBankHolidayFilter } from "@/lib/domain/forms/bank-holiday-forms";
import type { NationCode } from "@/lib/domain/nation";
import type { BankHolidaySummary } from "@/lib/server/calendar/bank-holiday-summary";
import { loadBankHolidaysPage } from "@/lib/server/calendar/load-bank-holidays-page";
import {
  BANK_HOLIDAYS_PATH,
  COMPUTED_TAG_TEXT,
  confirmationMessage,
  NATION_OPTIONS,
  nationName,
  newHolidayUrl,
  RECOMPUTE_DONE_TEXT,
  RECOMPUTE_STATE_TEXT,
  uncoveredWarning,
  yearRuns,
} from "./bank-holiday-text";
import { queryValue } from "@/lib/forms/query-value";
import type { RecomputeStatus } from "@/lib/server/calendar/get-recompute-status";

type Query = Record<string, string | string[] | undefined>;

function yearUrl(year: number, nation: NationCode | undefined): string {
  const query = new URLSearchParams({ ...(nation ? { nation } : {}), year: String(year) });
  return `${BANK_HOLIDAYS_PATH}?${query.toString()}`;
}

function HolidayActions({ holiday }: { holiday: BankHolidaySummary }) {
  const which = `${holiday.title} ${holiday.date.slice(0, 4)} (${nationName(holiday.nation)})`;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {holiday.computed && (
        <li>
          <a className="govuk-link" href={`${BANK_HOLIDAYS_PATH}/${holiday.id}#confirm`}>
            Check and confirm<span className="govuk-visually-hidden"> {which}</span>
          </a>
        </li>
      )}
      <li>
        <a className="govuk-link" href={`${BANK_HOLIDAYS_PATH}/${holiday.id}`}>
          Change<span className="govuk-visually-hidden"> {which}</span>
        </a>
      </li>
      <li>
        <a className="govuk-link" href={`${BANK_HOLIDAYS_PATH}/${holiday.id}/remove`}>
          Remove<span className="govuk-visually-hidden"> {which}</span>
        </a>
      </li>
    </ul>
  );
}

function NationHolidays({ nation, year, holidays }: { nation: NationCode; year: number; holidays: readonly BankHolidaySummary[] }) {
  const name = nationName(nation);
  if (holidays.length === 0) {
    return (
      <EmptyState heading={name} headingLevel={3} action={{ href: newHolidayUrl(nation, year), label: `Add a bank holiday for ${name} in ${year}` }}>
        {`No bank holidays are loaded for ${name} in ${year}. ${uncoveredWarning(year, nation)}`}
      </EmptyState>
    );
  }
  return (
    <>
      <h3 className="govuk-heading-m">{name}</h3>
      <Table responsive
        ariaLabel={`Bank holidays in ${name} in ${year}`}
        head={[{ text: "Date" }, { text: "Name" }, { text: "Notes" }, { text: "Actions" }]}
        rows={holidays.map((holiday) => ({
          id: holiday.id,
          cells: [
            { content: formatLongDate(holiday.date) },
            {
              content: (
                <>
                  {holiday.title}
                  {holiday.computed && (
                    <>
                      {" "}
                      <Tag text={COMPUTED_TAG_TEXT} colour="yellow" />
                    </>
                  )}
                </>
              ),
            },
            { content: holiday.notes ?? "" },
            { content: <HolidayActions holiday={holiday} /> },
          ],
        }))}
      />
    </>
  );
}

/** Where the queued due-date recomputes are (from the jobs' state). Shown while one is pending, or just after a change queued one. */
function RecomputeProgress({ status, justQueued, refreshHref }: { status: RecomputeStatus; justQueued: boolean; refreshHref: string }) {
  if (!status.queue || (status.pending.length === 0 && !justQueued)) return null;
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">Due-date recompute</h2>
      <div role="status" aria-live="polite">
        {status.pending.length === 0 ? (
          <p className="govuk-body">{RECOMPUTE_DONE_TEXT}</p>
        ) : (
          <ul className="govuk-list">
            {status.pending.map(({ nation, state }) => (
              <li key={nation}>{`${nationName(nation)}: ${RECOMPUTE_STATE_TEXT[state]}.`}</li>
            ))}
          </ul>
        )}
      </div>
      {status.pending.length > 0 && <AutoRefresh />}
      {status.pending.length > 0 && (
        <p className="govuk-body govuk-!-margin-bottom-0">
          <a className="govuk-link" href={refreshHref}>
            Refresh<span className="govuk-visually-hidden"> the due-date recompute status</span>
          </a>
        </p>
      )}
    </div>
  );
}

export default async function BankHolidaysPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requireUser("manage:calendar:any");
  const query = await searchParams;
  const currentYear = Number(todayInLondon(new Date()).slice(0, 4));
  const filter = parseBankHolidayFilter(query, currentYear);
  const { holidays, coverage, recompute } = await loadBankHolidaysPage(user, { year: filter.year, nation: filter.nation });
  const justQueued = queryValue(query.recompute) === "queued";
  const confirmation = confirmationMessage(queryValue(query.updated), queryValue(query.cases), queryValue(query.recompute));
  const uncovered = coverage.flatMap((entry) =>
    [currentYear, currentYear + 1].filter((year) => !entry.years.includes(year)).map((year) => ({ nation: entry.nation, year })),
  );
  const nations = filter.nation ? [filter.nation] : NATION_CODES;
  const filterErrors = Object.fromEntries(Object.entries(filter.fieldErrors).filter((entry): entry is [string, string] => Boolean(entry[1])));

  return (
    <>
      {confirmation && <NotificationBanner type="success" title="Success">{confirmation}</NotificationBanner>}
      <ErrorTitle hasErrors={Object.keys(filterErrors).length > 0} />
      {Object.keys(filterErrors).length > 0 && <ErrorSummary errors={filterErrors} />}
      <PageHeading>Bank holidays</PageHeading>
      <RecomputeProgress status={recompute} justQueued={justQueued} refreshHref={`${yearUrl(filter.year, filter.nation)}&recompute=queued`} />
      <p className="govuk-body">
        Deadlines count working days in the calendar of the nation where provision is delivered: Monday to Friday, except
        that nation’s bank holidays. Changing a holiday recomputes the due dates of every case in its nation.
      </p>
      {uncovered.map(({ nation, year }) => (
        <WarningText key={`${nation}:${year}`}>
          {uncoveredWarning(year, nation)}{" "}
          <a className="govuk-link" href={newHolidayUrl(nation, year)}>
            Add a bank holiday for {nationName(nation)} in {year}
          </a>
        </WarningText>
      ))}
      <ButtonLink href={newHolidayUrl()}>Add a bank holiday</ButtonLink>

      <h2 className="govuk-heading-l">Calendar coverage</h2>
      <p className="govuk-body">
        A year with no bank holidays loaded for a nation is not covered: deadlines counted through it skip weekends only and
        are marked provisional until its bank holidays are added.
      </p>
      <Table responsive
        caption="Years loaded for each nation"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: "Nation" }, { text: "Years loaded" }, { text: "Computed dates to confirm", numeric: true }]}
        rows={coverage.map((entry) => ({
          id: entry.nation,
          cells: [
            { content: nationName(entry.nation) },
            { content: yearRuns(entry.years) },
            { content: entry.computedToConfirm, numeric: true },
          ],
        }))}
      />

      <h2 className="govuk-heading-l">Bank holidays in {filter.year}</h2>
      <form method="get" action={BANK_HOLIDAYS_PATH} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              name="nation"
              label="Nation"
              options={[{ value: "", text: "All nations" }, ...NATION_OPTIONS]}
              error={filter.fieldErrors.nation}
              defaultValue={filter.nation ?? ""}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput
              name="year"
              label="Year"
              inputMode="numeric"
              width={4}
              error={filter.fieldErrors.year}
              defaultValue={filter.fieldErrors.year ? (queryValue(query.year) ?? "") : String(filter.year)}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          Show bank holidays
        </Button>
      </form>
      <p className="govuk-body">
        {filter.year > CALENDAR_YEARS.first && (
          <a className="govuk-link govuk-!-margin-right-4" href={yearUrl(filter.year - 1, filter.nation)}>
            Previous year: {filter.year - 1}
          </a>
        )}
        {filter.year < CALENDAR_YEARS.last && (
          <a className="govuk-link" href={yearUrl(filter.year + 1, filter.nation)}>
            Next year: {filter.year + 1}
          </a>
        )}
      </p>
      {nations.map((nation) => (
        <NationHolidays key={nation} nation={nation} year={filter.year} holidays={holidays.filter((holiday) => holiday.nation === nation)} />
      ))}
    </>
  );
}
