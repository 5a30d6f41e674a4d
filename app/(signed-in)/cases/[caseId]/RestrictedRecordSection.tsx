import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { RESTRICTION_TIER_LABELS } from "@/lib/domain/forms/mappa-forms";
import type { CaseView } from "@/lib/server/cases/case-view";

/**
 * The nominated officer's part of the case page: the MAPPA annex (13.59, 13.68–13.72), the
 * restriction control (AC-06) and the access log (LG-01). Rendered for nominated officers only:
 * a caseworker's page has no trace of the annex, not even a link (13.71).
 */
export function RestrictedRecordSection({ view, user }: { view: Pick<CaseView, "id" | "restrictionTier">; user: Pick<CurrentUser, "roles"> }) {
  if (!can(user.roles, "read:restricted-case:any")) return null;
  const canChange = can(user.roles, "update:restricted-case:any");
  return (
    <section aria-labelledby="nominated-officer">
      <h2 className="govuk-heading-m" id="nominated-officer">
        Nominated officer
      </h2>
      <p className="govuk-body">Restriction: {RESTRICTION_TIER_LABELS[view.restrictionTier]}.</p>
      <ul className="govuk-list">
        {view.restrictionTier === "mappa" && (
          <li>
            <a className="govuk-link" href={`/cases/${view.id}/mappa`}>
              MAPPA annex: restrictions, MAPPA J form, contact details and letters
            </a>
          </li>
        )}
        {canChange && (
          <li>
            <a className="govuk-link" href={`/cases/${view.id}/restriction`}>
              Change the restriction
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
