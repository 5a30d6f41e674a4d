import { subjectAccessSchema } from "@/lib/domain/subject-access/subject-access-form";
import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { exportSubjectAccess } from "@/lib/server/subject-access/export-subject-access";
import { UseCaseError } from "@/lib/server/use-case-error";

/** Back to the form with an error code; the NINO never goes into a URL (docs/security.md HD-05). */
const backToForm = (error: "invalid" | "not-found") =>
  new Response(null, { status: 303, headers: { Location: `/subject-access?error=${error}`, "Cache-Control": "no-store" } });

/**
 * POST /subject-access/export — everything held on one NINO as a ZIP (docs/security.md DP-03). A
 * POST because the export is audited (CS-01), same-origin only (CS-05); nominated officers and
 * administrators only, anyone else gets the 404 of a page that does not exist. Works without
 * JavaScript: a plain form post, answered with the file or a redirect back to the form.
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["export:subject-access:any"], sameOriginOnly: true },
  async (request, { user, db }) => {
    const form = await request.formData();
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    const parsed = subjectAccessSchema.safeParse(fields);
    if (!parsed.success) return backToForm("invalid");
    try {
      const file = await exportSubjectAccess(db, user, parsed.data, new Date());
      return new Response(new Uint8Array(file.zip), {
        status: 200,
        headers: {
          "Content-Type": "application/zip",
          "Content-Disposition": `attachment; filename="${file.filename}"`,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      // No record, or only records this user may not see (an SCR case): the same answer (AC-01).
      if (error instanceof UseCaseError && error.code === "NOT_FOUND") return backToForm("not-found");
      throw error;
    }
  },
);
