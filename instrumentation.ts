import type { Instrumentation } from "next";

/**
 * At server start: stamp every request with the real client address, computed from the socket
 * and TRUSTED_PROXY_HOPS before Next.js sees it (lib/security/install-client-address.ts;
 * docs/security.md AU-02).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("./lib/security/install-client-address");
  installClientAddressHook();
}

/**
 * Every error a request meets is logged as one JSON line, without personal data (lib/log/logger.ts;
 * docs/security.md LG-05). The browser only ever sees the generic error page (HD-06).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log/logger");
  logger.error(
    {
      err: error,
      method: request.method,
      // The path only: ids are not personal data, and a query string is never logged.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
