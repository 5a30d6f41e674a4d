import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/current-user";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-policy";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { recordSessionSignOut } from "@/lib/server/auth/record-session-sign-out";
import { SEARCH_COOKIE } from "../(signed-in)/cases/search-cookie";

/**
 * Sign out: a POST from this site only (CS-01, CS-05), audited (AU-08), every session of the user
 * retired (SE-04). The answer tells the browser to drop the site's cache and storage
 * (docs/security.md DP-08) and deletes, by name, every cookie that says anything about the session
 * or a person — session, search (a NINO, say), Auth.js's CSRF and callback cookies — so nothing is
 * left for the next person at a shared computer. Not `"cookies"` in Clear-Site-Data: that would
 * also wipe the remembered-device cookie (a random id, nothing personal), which is what lets the
 * owner unlock their account after someone else locked it (AU-02;
 * docs/decisions/0019-identity-mfa-links-and-role-approval.md §7).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return new Response("This request must come from the SES Casework service.", { status: 403 });
  const user = await getSessionUser();
  if (user) await recordSessionSignOut(user);
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: "/sign-in?signedOut=1", "Clear-Site-Data": '"cache", "storage"', "Cache-Control": "no-store" },
  });
  const secure = useSecureCookies();
  const authJsCookies = secure ? ["__Host-authjs.csrf-token", "__Secure-authjs.callback-url"] : ["authjs.csrf-token", "authjs.callback-url"];
  for (const name of [sessionCookieName(secure), SEARCH_COOKIE, ...authJsCookies]) {
    response.cookies.set(name, "", { maxAge: 0, path: "/", secure, httpOnly: true, sameSite: "lax" });
  }
  return response;
}
