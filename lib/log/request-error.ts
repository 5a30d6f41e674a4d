import type { Logger } from "pino";
import { REQUEST_ID_HEADER, requestUserId } from "./request-context";

export interface FailedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One JSON line for an error a request met (instrumentation.ts onRequestError; docs/security.md
 * LG-05): request id, user id, route and the error, which the logger's serialiser strips of
 * personal data and of a database query's arguments. The query string is never logged.
 */
export function logRequestError(logger: Logger, error: unknown, request: FailedRequest, context: { routePath?: string; routeType?: string }): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? null;
  logger.error(
    {
      err: error,
      requestId,
      userId: requestUserId(requestId),
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
