"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { bulkReassignSchema } from "@/lib/domain/forms/bulk-reassign-form";
import { bulkReassignCases } from "@/lib/server/cases/bulk-reassign-cases";

/** Bulk reassignment's confirmation (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md). */
export const bulkReassignAction = authorisedAction(
  { name: "bulkReassignCases", permission: "assign:case:any", schema: bulkReassignSchema, arrayFields: ["case"] },
  async (input, user, db) => {
    const result = await bulkReassignCases(db, user, input);
    const params = new URLSearchParams({ to: input.caseworkerId, assigned: String(result.assigned.length), unchanged: String(result.unchanged.length) });
    // Case references, never names (HD-05): the stale ones, for the user to check and try again.
    for (const reference of result.stale) params.append("stale", reference);
    for (const reference of result.notAtSite) params.append("otherSite", reference);
    return { redirectTo: `/cases/reassign/done?${params.toString()}` };
  },
);
