import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { getPrisma } from "@/lib/db/client";
import { actionSlug } from "@/lib/domain/forms/lifecycle-forms";
import { awaitsStrandReferral } from "@/lib/domain/lifecycle/strand-referral";
import { ACTION_LABELS, INTRODUCTION_STATES } from "@/lib/domain/referral-lifecycle";
import type { CaseView } from "@/lib/server/cases/case-view";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";

/**
 * The lifecycle actions this user can take on this case now (docs/rules/states.md): "What to do next", one
 * link per step the state machine offers (availableActions), each to its own page. Nothing is
 * offered that the server would refuse for the case as it is.
 */
export async function LifecycleActionsSection({ view, user }: { view: CaseView; user: CurrentUser }) {
  if (!can(user.roles, "update:case:any")) return null;
  // An SRO introduction before JCP's referral: its next step is in the SESSRO1 section (SroSection).
  if (view.route === "sro_introduction" && INTRODUCTION_STATES.has(view.state)) return null;
  const lifecycle = await getLifecycleCase(await getPrisma(), user, view.id);
  // 13.25–13.27: on the UC route the strand referral must arrive (and be recorded) before it can be accepted.
  const awaitingStrandReferral = awaitsStrandReferral({
    ...view,
    hasStrandReferral: view.prapReferrals.some((referral) => referral.provision === "sesmp" || referral.provision === "sessb"),
  });
  return (
    <section aria-labelledby="what-to-do-next">
      <h2 className="govuk-heading-m" id="what-to-do-next">
        What to do next
      </h2>
      {awaitingStrandReferral && (
        <p className="govuk-body">
          <a className="govuk-link" href={`/cases/${view.id}/strand-referral`}>
            Record the strand referral (the second PRaP referral)
          </a>
        </p>
      )}
      {lifecycle.actions.length === 0 && !awaitingStrandReferral ? (
        <p className="govuk-body">There is no referral step to record for this case now.</p>
      ) : (
        <ul className="govuk-list">
          {lifecycle.actions.map((action) => (
            <li key={action}>
              <a className="govuk-link" href={`/cases/${view.id}/act/${actionSlug(action)}`}>
                {ACTION_LABELS[action]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
