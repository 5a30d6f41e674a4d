import { isEmailedPart, isInbox } from "@/lib/domain/uc452/template";
import { attachmentResponse, authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";

/**
 * GET /cases/[caseId]/forms/uc452/[part]/email/[inbox].eml — the UC452 email for one part to one
 * inbox, as a file the caseworker opens in the provider's mail client and sends through the
 * provider's secure email route. Building it changes nothing (a GET never changes state);
 * "Record that this email was sent" is a separate POST. Anyone who may not see the case gets
 * the same 404 as for a case that does not exist (AC-01).
 */
export const GET = authorisedRoute<{ caseId: string; part: string; inbox: string }>(
  { permissions: ["read:case:any"] },
  async (_request, { user, db, params: { caseId, part, inbox: file } }) => {
    const inbox = file.endsWith(".eml") ? file.slice(0, -".eml".length) : "";
    if (!isEmailedPart(part) || !isInbox(inbox)) return plainResponse(404, "Page not found");
    const email = await buildUc452EmailFor(db, user, caseId, part, inbox);
    return attachmentResponse(email.message, "message/rfc822", email.filename);
  },
);
