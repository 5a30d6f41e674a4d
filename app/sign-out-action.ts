"use server";

import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import { recordSignOut } from "@/lib/server/auth/record-sign-out";

/** Sign out (a POST, never a GET: CS-01), audited (AU-08), old cookie retired (SE-04). */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await recordSignOut(await getPrisma(), user);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
