"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/auth";
import { getPrisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/server/audit/record-audit";

/** Sign out (a POST, never a GET: CS-01), audited (AU-08). */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await recordAudit(await getPrisma(), user, { action: "auth.signed_out", entityType: "User", entityId: user.id });
  }
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
