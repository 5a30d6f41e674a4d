/**
 * Liveness (docs/security.md SO-07): the process is up and serving. No database, no session, no
 * personal data; excluded from proxy.ts so it stays cheap.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
