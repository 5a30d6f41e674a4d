/**
 * The bank holidays shipped in the repository: the seed of the app's calendar, which an
 * administrator can then edit (lib/calendar/data/README.md). Never fetched at run time.
 */
import feedCopy from "./data/uk-bank-holidays.json";
import computed2016 from "./data/uk-bank-holidays-2016-computed.json";
import { isIsoDate, type IsoDate } from "./iso-date";
import { NATIONS, type Nation } from "./nations";

export interface BankHolidayRecord {
  nation: Nation;
  date: IsoDate;
  title: string;
  /** The feed's notes, e.g. "Substitute day", "Extra bank holiday"; "" when none. */
  notes: string;
  /**
   * True when the date was computed from the statutory rules rather than copied from the
   * GOV.UK feed (Scotland and Northern Ireland 2016): shown as "computed" so an
   * administrator can confirm it.
   */
  computed: boolean;
}

interface FeedEvent {
  title: string;
  date: string;
  notes: string;
}

/** The GOV.UK feed format: one division per nation, each with its events. */
type Feed = Partial<Record<string, { events: readonly FeedEvent[] }>>;

function recordsFrom(feed: Feed, computed: boolean, source: string): BankHolidayRecord[] {
  const records: BankHolidayRecord[] = [];
  for (const nation of NATIONS) {
    for (const event of feed[nation]?.events ?? []) {
      if (!isIsoDate(event.date) || typeof event.title !== "string" || event.title === "") {
        throw new TypeError(`${source}: bad bank holiday for ${nation}: ${JSON.stringify(event)}`);
      }
      records.push({ nation, date: event.date, title: event.title, notes: event.notes ?? "", computed });
    }
  }
  return records;
}

const NATION_ORDER: Readonly<Record<Nation, number>> = {
  "england-and-wales": 0,
  scotland: 1,
  "northern-ireland": 2,
};

/**
 * Every shipped bank holiday, ordered by nation (NATIONS order) then date. A fresh array on
 * each call, so callers may not mutate a shared copy.
 */
export function shippedBankHolidays(): BankHolidayRecord[] {
  const records = [
    ...recordsFrom(feedCopy, false, "uk-bank-holidays.json"),
    ...recordsFrom(computed2016, true, "uk-bank-holidays-2016-computed.json"),
  ];
  return records.sort(
    (a, b) => NATION_ORDER[a.nation] - NATION_ORDER[b.nation] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
}
