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
  // Next.js's own error output, as JSON without personal data (docs/security.md LG-05).
  const [{ logger }, { sendConsoleToLogger }] = await Promise.all([import("./lib/log/logger"), import("./lib/log/console-to-logger")]);
  sendConsoleToLogger(logger);
}

/**
 * Every error a request meets is logged as one JSON line, without personal data (lib/log/logger.ts;
 * docs/security.md LG-05). The browser only ever sees the generic error page (HD-06).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { logRequestError }] = await Promise.all([import("./lib/log/logger"), import("./lib/log/request-error")]);
  logRequestError(logger, error, request, context);
};
