import type { Nation } from "@/lib/calendar/nations";

/** The database enum spells nations with underscores; the calendar (GOV.UK feed) with hyphens. */
export type NationCode = "england_and_wales" | "scotland" | "northern_ireland";

export function nationFromCode(code: NationCode): Nation {
  return code.replace(/_/g, "-") as Nation;
}

export function nationToCode(nation: Nation): NationCode {
  return nation.replace(/-/g, "_") as NationCode;
}
