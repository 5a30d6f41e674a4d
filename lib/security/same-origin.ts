import { requestedHost, trustedProxyHops } from "./client-address";

/**
 * For route handlers that change something or record something (an audited export): the
 * request must come from this site (docs/security.md CS-05). `Sec-Fetch-Site`, when the browser
 * sends it, must be `same-origin`; the Origin header must be present, not "null", and name the
 * same host as the request. Pure: takes the headers (and the trusted proxy hops), returns whether
 * to proceed.
 */
export function isSameOriginRequest(headers: Pick<Headers, "get">, hops: number = trustedProxyHops()): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  // X-Forwarded-Host counts only when a trusted proxy wrote it (L6 of the December review).
  const host = requestedHost(headers, hops);
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0].trim();
  } catch {
    return false;
  }
}
