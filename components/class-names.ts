/** Joins the truthy class names with single spaces (GOV.UK modifier classes are conditional). */
export function classNames(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter((name): name is string => typeof name === "string" && name.length > 0).join(" ");
}
