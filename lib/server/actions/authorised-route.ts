import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/prisma";
import { can, type Permission } from "@/lib/domain/permissions";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { recordRefusedRequest } from "@/lib/server/audit/record-refused-request";
import { consumePerUserLimit, type LimitedAction } from "@/lib/server/rate-limit/per-user-limit";
import { UseCaseError } from "@/lib/server/use-case-error";
import { requestDependencies, type ChainDependencies } from "./authorised-action";

interface RouteOptions {
  /** Every one of these is needed; without them the answer is the 404 of a page that does not exist (AC-01). */
  permissions: readonly Permission[];
  /** For a route that records something (an audited export): same-origin requests only (docs/security.md CS-05). */
  sameOriginOnly?: boolean;
  /** A per-user limit (docs/security.md RL-01): over it, a 429 page that says when to try again. */
  limit?: LimitedAction;
}

export interface RouteContext<Params> {
  user: CurrentUser;
  db: PrismaClient;
  params: Params;
}

/**
 * The route handlers' version of authorisedAction: the session user and their permissions are
 * checked before the handler runs, and a use-case's NOT_FOUND or FORBIDDEN becomes the same
 * plain 404 as a route that does not exist, so nothing reveals whether a restricted record exists.
 */
export function authorisedRoute<Params>(
  options: RouteOptions,
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response>,
  dependencies: ChainDependencies = requestDependencies,
): (request: Request, segment: { params: Promise<Params> }) => Promise<Response> {
  return async (request, segment) => {
    if (options.sameOriginOnly && !isSameOriginRequest(request.headers)) return plainResponse(403, "This request must come from the SES Casework service.");
    const user = await dependencies.currentUser();
    if (!user) return notFoundResponse();
    if (!options.permissions.every((permission) => can(user.roles, permission))) {
      // A refused route is a security event, in the case's access log when it names a case (LG-03).
      await recordRefusedRequest(await dependencies.database(), user, new URL(request.url).pathname, "route");
      return notFoundResponse();
    }
    const db = await dependencies.database();
    if (options.limit) {
      const outcome = await consumePerUserLimit(db, options.limit, user.id);
      if (!outcome.allowed) return tooManyRequestsResponse(outcome.retryAt, outcome.retryAfterSeconds, options.limit);
    }
    try {
      return await handler(request, { user, db, params: await segment.params });
    } catch (error) {
      if (error instanceof UseCaseError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFoundResponse();
      throw error;
    }
  };
}

export function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * A file to download (a CSV export, a UC452 email): never cached, since it holds personal data,
 * and never sniffed into something the browser would run (docs/security.md HD-03, HD-04).
 */
export function attachmentResponse(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFoundResponse(): Response {
  return plainResponse(404, "Page not found");
}

const clockTime = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "Europe/London" });

/**
 * 429 with Retry-After and a plain page that says when to try again (docs/security.md RL-01).
 * A route handler answers outside the app's layout, so the page is self-contained HTML with no
 * script or style (the CSP allows neither without a nonce).
 */
const LIMIT_EXPLANATIONS: Record<LimitedAction, string> = {
  export: "each person can download only a limited number of exports in an hour",
  search: "each person can search only a limited number of times in a minute",
};

export function tooManyRequestsResponse(retryAt: Date, retryAfterSeconds: number, action: LimitedAction = "export"): Response {
  const at = clockTime.format(retryAt);
  const body = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests – SES Casework</title></head>
<body>
<main>
<h1>You have made too many requests</h1>
<p>To protect the service, ${LIMIT_EXPLANATIONS[action]}.</p>
<p>Try again after ${at} (in ${retryAfterSeconds} seconds).</p>
<p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`;
  return new Response(body, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds) },
  });
}
