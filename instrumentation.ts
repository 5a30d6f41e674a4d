import type { Instrumentation } from "next";

/**
 * docs/security.md AU-05, LG-04: production fails closed, inside the server itself, so a plain
 * `next start` or a container entrypoint cannot skip the checks `npm start` also makes. Production
 * is the mode whenever NODE_ENV=production and no explicit SES_MODE=demo is given
 * (lib/domain/runtime-mode.ts). The server refuses to start while AUTH_SECRET is missing or short,
 * demo accounts or the demo password exist, or (PostgreSQL) it connects as a superuser or the
 * audit table's owner.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { runtimeMode } = await import("./lib/domain/runtime-mode");
  if (runtimeMode(process.env) !== "production") return;
  const [{ findProductionProblems }, { DEMO_PASSWORD, DEMO_EMAIL_DOMAIN }, { logger }] = await Promise.all([
    import("./lib/server/startup/refuse-unsafe-production"),
    import("./lib/seed/demo/people"),
    import("./lib/log/logger"),
  ]);
  let problems: string[];
  try {
    problems = await findProductionProblems(process.env, { password: DEMO_PASSWORD, emailDomain: DEMO_EMAIL_DOMAIN });
  } catch (error) {
    problems = [`The production checks could not run: ${(error as Error).message}`];
  }
  if (problems.length === 0) return;
  for (const problem of problems) logger.error({ check: "production-start" }, problem);
  console.error(`\nSES Casework refuses to start in production mode:\n${problems.map((problem) => `- ${problem}`).join("\n")}\n`);
  process.exit(1);
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
