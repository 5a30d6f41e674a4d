import { AT_RISK_WINDOW_WORKING_DAYS } from "./figures";

/**
 * The definitions the dashboard shows on the page (docs/rules/clocks.md: the start measure).
 * Each cites the guidance or the decision it rests on; the figures in lib/server/dashboard
 * implement exactly these.
 */
export interface Definition {
  term: string;
  text: string;
}

export const DASHBOARD_DEFINITIONS: readonly Definition[] = [
  {
    term: "Start target",
    text: "Each person should start fully on provision within 20 working days of the referral (13.13, 3.07). For clerical SL2 referrals (Special Customer Records) the 20 working days run from the date the SL2 was received.",
  },
  {
    term: "Started",
    text: "A case counts as started on the start date recorded when the person started fully on provision (PRaP status ‘Started’). Booking an Initial Assessment or a welcome call is not a start.",
  },
  {
    term: "Day 0",
    text: "The referral date itself is day 0 and is not counted: the deadline is the 20th working day after it.",
  },
  {
    term: "Working days and calendar",
    text: "Working days are Monday to Friday except the bank holidays of the nation where the case’s site delivers the provision — for example, a Glasgow site uses Scotland’s bank holidays. Bank holidays are those in the service’s calendar, which administrators keep up to date.",
  },
  {
    term: "Measured cases and on time",
    text: "The measure counts every referral whose start deadline falls in the period, once the deadline has an outcome: started on time (on or before the deadline), started late, or not started by the deadline. A referral rejected, cancelled or found not suitable after its deadline passed still counts, as not started. Each case counts in the month of its deadline (13.13, 3.07).",
  },
  {
    term: "Left before the deadline",
    text: "A referral closed without starting before its start deadline, for a reason the guidance allows (rejected, cancelled, not suitable, not eligible or provision full), is not measured. The dashboard lists how many left this way in the period, and why.",
  },
  {
    term: "At risk",
    text: `Open cases not yet started, fewest working days to their start deadline first. ‘At risk’ means ${AT_RISK_WINDOW_WORKING_DAYS} working days or fewer are left; ‘missed’ means the deadline has passed.`,
  },
  {
    term: "Caseworker",
    text: "Figures by caseworker use the caseworker the case is assigned to now.",
  },
  {
    term: "Restricted cases",
    text: "Special Customer Record cases are counted in the headline totals only. They never appear in a list, a breakdown by month, site, caseworker or route, or an export, so breakdowns can add up to less than the total. When you filter by caseworker or route, they are left out of the totals too.",
  },
  {
    term: "Period",
    text: "The period filter applies to the start target (by each case’s start deadline) and the funnel (by referral date). The at-risk list, the other clocks and the caseload are as of today.",
  },
];
