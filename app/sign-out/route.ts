import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/current-user";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-policy";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { recordSessionSignOut } from "@/lib/server/auth/record-session-sign-out";
import { SEARCH_COOKIE } from "../(signed-in)/cases/search-cookie";

/**
 * Sign out: a POST from this site only (CS-01, CS-05), audited (AU-08), every session of the user
 * retired (SE-04). The answer tells the browser to drop what it holds for the site — cache,
 * cookies and storage (docs/security.md DP-08) — and deletes the session and search cookies
 * outright for browsers that ignore Clear-Site-Data, so a search term (a NINO, say) is not left
 * for the next person at a shared computer.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return new Response("This request must come from the SES Casework service.", { status: 403 });
  const user = await getSessionUser();
  if (user) await recordSessionSignOut(user);
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: "/sign-in?signedOut=1", "Clear-Site-Data": '"cache", "cookies", "storage"', "Cache-Control": "no-store" },
  });
  const secure = useSecureCookies();
  for (const name of [sessionCookieName(secure), SEARCH_COOKIE]) {
    response.cookies.set(name, "", { maxAge: 0, path: "/", secure, httpOnly: true, sameSite: "lax" });
  }
  return response;
}
