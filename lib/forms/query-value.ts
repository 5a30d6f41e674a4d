/** One value of a page's query parameter (`searchParams`, where a name given twice arrives as an array): the first when the name is repeated (`?year=2026&year=2027`). */
export function queryValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
