/**
 * The three UK bank-holiday calendars. Working days are counted in the calendar of the
 * nation where the provision is delivered, never the union of nations
 * (docs/rules/decisions.md: nation calendar). The keys are the GOV.UK feed's division names.
 */
export const NATIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;

export type Nation = (typeof NATIONS)[number];

export const NATION_DISPLAY_NAMES: Readonly<Record<Nation, string>> = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

export function isNation(value: unknown): value is Nation {
  return typeof value === "string" && (NATIONS as readonly string[]).includes(value);
}

export function nationDisplayName(nation: Nation): string {
  return NATION_DISPLAY_NAMES[nation];
}
