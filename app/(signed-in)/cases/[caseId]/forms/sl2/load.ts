import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getSl2View } from "@/lib/server/scr/get-sl2-view";
import { orNotFound } from "../load";

/** The SL2 of an SCR case, or the 404 page (for anyone but a nominated officer, AC-01); the read is audited (LG-01). */
export async function loadSl2(user: CurrentUser, caseId: string, restrictedRead: string) {
  return orNotFound(getSl2View(await getPrisma(), user, caseId, restrictedRead));
}
