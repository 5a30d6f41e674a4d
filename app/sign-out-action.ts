"use server";

import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { recordSessionSignOut } from "@/lib/server/auth/record-session-sign-out";

/** Sign out (a POST, never a GET: CS-01), audited (AU-08), old cookie retired (SE-04). */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await recordSessionSignOut(user);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
