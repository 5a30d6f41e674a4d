import { authorisedRoute, tooManyRequestsResponse } from "@/lib/server/actions/authorised-route";
import { peekPerUserLimit } from "@/lib/server/rate-limit/per-user-limit";

/**
 * GET /cases/too-many-searches — where a search over the per-user limit is sent (docs/security.md
 * RL-01): the 429 page with Retry-After that says when to try again, as for exports. A server
 * action cannot answer 429 itself (Next.js sets its status), so the search action redirects here,
 * with or without JavaScript. The time is read from the shared counter, not from the URL, and
 * reading it counts nothing (CS-01). Once the limit has passed, the search page again.
 */
export const GET = authorisedRoute<Record<string, never>>({ permissions: ["read:case:any"] }, async (_request, { user, db }) => {
  const outcome = await peekPerUserLimit(db, "search", user.id);
  if (!outcome.allowed) return tooManyRequestsResponse(outcome.retryAt, outcome.retryAfterSeconds, "search");
  return new Response(null, { status: 303, headers: { Location: "/cases?view=search", "Cache-Control": "no-store" } });
});
