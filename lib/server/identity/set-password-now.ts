import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { SetPasswordInput } from "@/lib/domain/forms/identity-forms";
import { setPasswordFromLink } from "./set-password-from-link";

/** The set-password action's write (app/set-password/[token]/actions.ts), on this server's database: app/ never opens it. */
export async function setPasswordFromLinkNow(input: SetPasswordInput, request: { ip: string | null; userAgent: string | null }): Promise<void> {
  await setPasswordFromLink(await getPrisma(), input, request);
}
