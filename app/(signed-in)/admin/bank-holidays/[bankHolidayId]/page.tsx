import { InsetText } from "@/components/content/InsetText";
import { Tag } from "@/components/content/Tag";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionsScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadBankHolidayPage } from "@/lib/server/calendar/load-bank-holiday-page";
import { confirmBankHolidayAction, updateBankHolidayAction } from "../actions";
import { BANK_HOLIDAYS_PATH, COMPUTED_TAG_TEXT, nationName } from "../bank-holiday-text";
import { BankHolidayForm, ConfirmComputedForm } from "../BankHolidayForms";

export default async function BankHolidayPage({ params }: { params: Promise<{ bankHolidayId: string }> }) {
  const user = await requireUser("manage:calendar:any");
  const { bankHolidayId } = await params;
  const holiday = await loadBankHolidayPage(user, bankHolidayId);
  const year = holiday.date.slice(0, 4);
  return (
    <>
      <BackLink href={`${BANK_HOLIDAYS_PATH}?year=${year}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {/* The change form and the confirm button each have their state here, so the title starts "Error: " while either shows errors (UX-03). */}
          <FormActionsScope actions={{ confirm: confirmBankHolidayAction, change: updateBankHolidayAction }}>
          <FormHeading caption={`${nationName(holiday.nation)} bank holiday`} title="Change bank holiday">
            {holiday.title} {year}
          </FormHeading>
          <p className="govuk-body">{formatLongDate(holiday.date)}</p>
          {holiday.computed && (
            <>
              <p className="govuk-body">
                <Tag text={COMPUTED_TAG_TEXT} colour="yellow" />
              </p>
              <h2 className="govuk-heading-m" id="confirm">
                Confirm this computed date
              </h2>
              <InsetText>
                This date was computed from the statutory rules, not copied from the GOV.UK bank holidays feed. Check it
                against an official source for {nationName(holiday.nation)}. If it is right, confirm it; if not, change the
                date below.
              </InsetText>
              <ConfirmComputedForm action={confirmBankHolidayAction} holiday={holiday} />
            </>
          )}
          <h2 className="govuk-heading-m">Change the bank holiday</h2>
          <p className="govuk-body">Changing its nation or date recomputes the due dates of every case in the nations affected.</p>
          <BankHolidayForm action={updateBankHolidayAction} holiday={holiday} submitLabel="Save changes" />
          <h2 className="govuk-heading-m">Remove the bank holiday</h2>
          <p className="govuk-body">You will see how many open cases’ due dates would move before you confirm.</p>
          <ButtonLink href={`${BANK_HOLIDAYS_PATH}/${holiday.id}/remove`} variant="warning">
            Remove this bank holiday
          </ButtonLink>
          </FormActionsScope>
        </div>
      </div>
    </>
  );
}
