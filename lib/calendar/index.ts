/** The working-day calendar: public API. Pure; the only Date use is `todayInLondon`. */
export {
  type IsoDate,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  dayOfWeek,
  formatLongDate,
  todayInLondon,
} from "./iso-date";
export { NATIONS, NATION_DISPLAY_NAMES, type Nation, isNation, nationDisplayName } from "./nations";
export { type BankHolidayRecord, shippedBankHolidays } from "./bank-holiday-data";
export {
  CALENDAR_FIRST_DATE,
  CALENDAR_LAST_DATE,
  type CalendarHoliday,
  type HolidayInfo,
  type SkippedHoliday,
  type WorkingDayExplanation,
  type WorkingDayCalendar,
  createWorkingDayCalendar,
  shippedCalendar,
} from "./working-day-calendar";
