"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { plainString } from "@/lib/domain/forms/fields";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { consumePerUserLimit } from "@/lib/server/rate-limit/per-user-limit";
import { useSecureCookies } from "@/lib/auth/session-policy";
import { SEARCH_COOKIE } from "./search-cookie";

/**
 * Case search posts its term (a name, NINO or purchase order number is personal data) and keeps
 * it in a short-lived HttpOnly cookie, so it never appears in a URL, a log line or the browser's
 * history (docs/security.md HD-05).
 */

const searchSchema = z
  .object({
    term: plainString("search")
      .trim()
      .min(2, "Enter at least 2 characters of a name, a National Insurance number, a purchase order number or a case reference")
      .max(100, "Search must be 100 characters or fewer"),
  })
  .strict();

export const searchCasesAction = authorisedAction(
  { name: "searchCases", permission: "read:case:any", schema: searchSchema },
  async (input, user, db) => {
    // docs/security.md RL-01: searches per user per minute, counted for all instances together.
    // Over it: the 429 page that says when to try again (./too-many-searches/route.ts).
    const limit = await consumePerUserLimit(db, "search", user.id);
    if (!limit.allowed) return { redirectTo: "/cases/too-many-searches" };
    (await cookies()).set(SEARCH_COOKIE, input.term, {
      httpOnly: true,
      secure: useSecureCookies(),
      sameSite: "lax",
      path: "/",
      maxAge: 15 * 60,
    });
    // A new term on the same results URL: drop the cached render of the previous results.
    revalidatePath("/cases");
    return { redirectTo: "/cases?view=search" };
  },
);
