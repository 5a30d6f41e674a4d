import "server-only";
import { cookies } from "next/headers";
import { useSecureCookies } from "@/lib/auth/session-policy";

/** Where the case search term is kept between the POST and the results page (HD-05). */
export const SEARCH_COOKIE = useSecureCookies() ? "__Host-ses.search" : "ses.search";

export async function readSearchTerm(): Promise<string | null> {
  return (await cookies()).get(SEARCH_COOKIE)?.value ?? null;
}
