import { checkReadiness } from "@/lib/server/health/check-readiness";

/**
 * Readiness (docs/security.md SO-07; docs/decisions/0022-background-jobs.md): 200 when the
 * database answers, migrations are applied and a worker is alive; 503 otherwise, so a load
 * balancer sends no traffic here. No session, no personal data; excluded from proxy.ts.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
