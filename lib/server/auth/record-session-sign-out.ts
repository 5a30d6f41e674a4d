import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Actor } from "../audit/record-audit";
import { recordSignOut } from "./record-sign-out";

/** The sign-out route's write (app/sign-out/route.ts), on this server's database: app/ never opens it. */
export async function recordSessionSignOut(user: Actor & { id: string }): Promise<void> {
  await recordSignOut(await getPrisma(), user);
}
