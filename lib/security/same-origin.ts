/**
 * For route handlers that change something or record something (an audited export): the
 * request must come from this site (docs/security.md CS-05). `Sec-Fetch-Site`, when the browser
 * sends it, must be `same-origin`; the Origin header must be present, not "null", and name the
 * same host as the request. Pure: takes the headers, returns whether to proceed.
 */
export function isSameOriginRequest(headers: Pick<Headers, "get">): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0].trim();
  } catch {
    return false;
  }
}
