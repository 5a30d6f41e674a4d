import { SummaryList } from "@/components/content/SummaryList";
import { Tag } from "@/components/content/Tag";
import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadBankHolidayRemovalPage } from "@/lib/server/calendar/load-bank-holiday-removal-page";
import { removeBankHolidayAction } from "../../actions";
import { BANK_HOLIDAYS_PATH, COMPUTED_TAG_TEXT, nationName, uncoveredWarning } from "../../bank-holiday-text";
import { RemoveBankHolidayForm } from "../../BankHolidayForms";

function casesPhrase(count: number): string {
  return `${count.toLocaleString("en-GB")} open ${count === 1 ? "case" : "cases"}`;
}

/** Check your answers before removing: removal moves deadlines, so say by how much first. */
export default async function RemoveBankHolidayPage({ params }: { params: Promise<{ bankHolidayId: string }> }) {
  const user = await requireUser("manage:calendar:any");
  const { bankHolidayId } = await params;
  const impact = await loadBankHolidayRemovalPage(user, bankHolidayId);
  const { holiday, openCasesInNation, openCasesMoving, lastInYear } = impact;
  const nation = nationName(holiday.nation);
  const year = Number(holiday.date.slice(0, 4));
  const which = `${holiday.title} ${year} for ${nation}`;
  const editHref = `${BANK_HOLIDAYS_PATH}/${holiday.id}`;
  return (
    <>
      <BackLink href={editHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={removeBankHolidayAction}>
          <FormHeading caption={`${nation} bank holiday`} title="Remove bank holiday">
            Are you sure you want to remove this bank holiday?
          </FormHeading>
          <SummaryList
            rows={[
              { key: "Nation", value: nation },
              { key: "Date", value: formatLongDate(holiday.date) },
              {
                key: "Name",
                value: (
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
              { key: "Notes", value: holiday.notes ?? "None" },
            ]}
          />
          <h2 className="govuk-heading-m">What removing it changes</h2>
          <p className="govuk-body">
            {openCasesMoving > 0
              ? `Removing ${which} will move due dates for ${casesPhrase(openCasesMoving)}: each due date counted across it falls one working day earlier.`
              : `Removing ${which} will not move the due dates of any open case as they stand today.`}
          </p>
          <p className="govuk-body">
            {`${nation} has ${casesPhrase(openCasesInNation)}. When you remove the holiday, the due dates of every case in ${nation} are recomputed.`}
          </p>
          {lastInYear && (
            <WarningText>
              {`This is the only bank holiday loaded for ${nation} in ${year}. Without it, ${year} is not covered. ${uncoveredWarning(year, holiday.nation)}`}
            </WarningText>
          )}
          <RemoveBankHolidayForm action={removeBankHolidayAction} holiday={holiday} cancelHref={editHref} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
