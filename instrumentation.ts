import type { Instrumentation } from "next";

/**
 * At server start: (1) stamp every request with the real client address, computed from the socket
 * and TRUSTED_PROXY_HOPS before Next.js sees it (lib/security/install-client-address.ts;
 * docs/security.md AU-02); Next.js's own error output as JSON without personal data (LG-05).
 * (2) docs/security.md AU-05, LG-04: production fails closed, inside the server itself, so a plain
 * `next start` or a container entrypoint cannot skip the checks `npm start` also makes. Production
 * is the mode whenever NODE_ENV=production and no explicit SES_MODE=demo is given
 * (lib/domain/runtime-mode.ts). The server refuses to start while AUTH_SECRET is missing or short,
 * demo accounts or the demo password exist, or (PostgreSQL) it connects as a superuser or the
 * audit table's owner. (3) On the embedded database, the background-job worker, in this process.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientAddressHook } = await import("./lib/security/install-client-address");
  installClientAddressHook();
  const [{ logger }, { sendConsoleToLogger }] = await Promise.all([import("./lib/log/logger"), import("./lib/log/console-to-logger")]);
  sendConsoleToLogger(logger);
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { runtimeMode } = await import("./lib/domain/runtime-mode");
  if (runtimeMode(process.env) === "production") {
    const [{ findProductionProblems }, { DEMO_PASSWORD, DEMO_EMAIL_DOMAIN }] = await Promise.all([
      import("./lib/server/startup/refuse-unsafe-production"),
      import("./lib/seed/demo/people"),
    ]);
    let problems: string[];
    try {
      problems = await findProductionProblems(process.env, { password: DEMO_PASSWORD, emailDomain: DEMO_EMAIL_DOMAIN });
    } catch (error) {
      problems = [`The production checks could not run: ${(error as Error).message}`];
    }
    if (problems.length > 0) {
      for (const problem of problems) logger.error({ check: "production-start" }, problem);
      console.error(`\nSES Casework refuses to start in production mode:\n${problems.map((problem) => `- ${problem}`).join("\n")}\n`);
      process.exit(1);
    }
  }
  // (3) On the embedded database the server owns PGlite, so it runs the job worker itself
  // (docs/decisions/0025-jobs-on-the-embedded-database.md); on PostgreSQL workers are their own processes.
  if (!process.env.DATABASE_URL?.trim() && process.env.SES_WORKER !== "0") {
    const { startEmbeddedJobWorker, stopEmbeddedJobWorker } = await import("./lib/server/jobs/start-embedded-worker");
    startEmbeddedJobWorker().catch((error: unknown) => logger.error({ err: error }, "background jobs: the embedded worker did not start"));
    // Stop taking jobs; Next.js exits once its server has closed, and a job cut short is released at the next start.
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopEmbeddedJobWorker().catch(() => undefined));
  }
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
