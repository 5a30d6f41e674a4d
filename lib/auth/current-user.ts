import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { recordRefusedRequest } from "@/lib/server/audit/record-refused-request";
import { findSessionUser, type SessionUser } from "@/lib/server/users/find-session-user";
import { auth } from "./auth";
import { REQUEST_ID_HEADER, rememberRequestUser } from "@/lib/log/request-context";
import { clientAddress } from "@/lib/security/client-address";
import { can, type Permission } from "../domain/permissions";
import { safeCallbackUrl } from "./safe-callback-url";

export type CurrentUser = SessionUser & { ip: string; userAgent: string | null };

/** The signed-in user for this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findSessionUser(await getPrisma(), userId, session.sessionVersion);
  if (!user) return null;
  const requestHeaders = await headers();
  rememberRequestUser(requestHeaders.get(REQUEST_ID_HEADER), user.id);
  return { ...user, ip: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") };
});

/**
 * For pages: the signed-in user, or a redirect to sign-in (coming back here afterwards). A user
 * without the permission gets the same 404 as a page that does not exist — nothing is revealed.
 */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = safeCallbackUrl((await headers()).get("x-ses-path"));
    redirect(path === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (permission && !can(user.roles, permission)) {
    // The refusal is a security event, in the case's access log when it names a case (LG-03).
    await recordRefusedRequest(await getPrisma(), user, (await headers()).get("x-ses-path") ?? "/", "page");
    notFound();
  }
  return user;
}
