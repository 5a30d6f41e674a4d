import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { getPrisma } from "@/lib/db/client";
import { isEmailedPart, isInbox } from "@/lib/domain/uc452/template";
import { buildUc452EmailFor } from "@/lib/server/forms/paper-forms";
import { UseCaseError } from "@/lib/server/use-case-error";

/**
 * GET /cases/[caseId]/forms/uc452/[part]/email/[inbox].eml — the UC452 email for one part to one
 * inbox, as a file the caseworker opens in the provider's mail client and sends through the
 * provider's secure email route. Building it changes nothing (a GET never changes state);
 * "Record that this email was sent" is a separate POST. Anyone who may not see the case gets
 * the same 404 as for a case that does not exist (AC-01).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; part: string; inbox: string }> }) {
  const user = await getCurrentUser();
  const { caseId, part, inbox: file } = await params;
  const inbox = file.endsWith(".eml") ? file.slice(0, -".eml".length) : "";
  if (!user || !can(user.roles, "read:case:any") || !isEmailedPart(part) || !isInbox(inbox)) return notFound();
  try {
    const email = await buildUc452EmailFor(await getPrisma(), user, caseId, part, inbox);
    return new Response(email.message, {
      status: 200,
      headers: {
        "Content-Type": "message/rfc822",
        "Content-Disposition": `attachment; filename="${email.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof UseCaseError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFound();
    throw error;
  }
}

function notFound(): Response {
  return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
