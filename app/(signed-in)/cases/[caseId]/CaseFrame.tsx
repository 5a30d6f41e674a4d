import { IdentityBar } from "@/components/content/IdentityBar";
import { StepConfirmation } from "@/components/cases/StepConfirmation";
import { SubNavigation } from "@/components/content/SubNavigation";
import { BackLink } from "@/components/layout/BackLink";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { caseSections, casePageTitle, type CaseSection } from "@/lib/domain/case-sections";
import { whatHappensNext } from "@/lib/domain/lifecycle/steps/what-happens-next";
import type { Role } from "@/lib/domain/permissions";
import type { CaseView } from "@/lib/server/cases/case-view";

/**
 * The top of every page of a case's record: the back link, the success banner, the MoJ identity
 * bar (sticky: who this is about stays in view), the person's name as the one h1, and the MoJ sub
 * navigation between the record's sections, each a real route under /cases/[caseId]/.
 */
export function CaseFrame({
  view,
  roles,
  section,
  confirmation,
  done,
}: {
  view: CaseView;
  roles: readonly Role[];
  section: CaseSection;
  confirmation?: string;
  /** The `?done=` the page was reached with: after a lifecycle step, the banner says what happens next. */
  done?: string;
}) {
  const markers = [
    ...(view.restrictionTier === "mappa" ? [{ text: "MAPPA", colour: "purple" as const }] : []),
    ...(view.restrictionTier === "scr" ? [{ text: view.ruleset === "ses_2017" ? "SCR customer" : "SCR participant", colour: "red" as const }] : []),
    ...(view.claimant.vulnerable ? [{ text: "Safeguard", colour: "orange" as const }] : []),
  ];
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      {confirmation && (
        <StepConfirmation
          confirmation={confirmation}
          next={done ? whatHappensNext(done, { caseId: view.id, ruleset: view.ruleset, state: view.state, restrictionTier: view.restrictionTier }) : null}
        />
      )}
      <IdentityBar
        sticky
        name={view.claimant.name}
        identifiers={[
          { label: "Case", value: view.reference },
          ...(view.claimant.nino ? [{ label: "NINO", value: view.claimant.nino }] : []),
          { label: "State", value: CASE_STATE_LABELS[view.state] },
          { label: "Caseworker", value: view.caseworkerName ?? "Unassigned" },
        ]}
        markers={markers}
      />
      <DocumentTitle>{casePageTitle(section === "overview" ? null : caseSections(view.id, roles).find((item) => item.id === section)?.label ?? null, view.claimant.name, view.reference)}</DocumentTitle>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-3">{view.claimant.name}</h1>
      <SubNavigation
        ariaLabel="Case sections"
        items={caseSections(view.id, roles).map((item) => ({ href: item.href, label: item.label, current: item.id === section }))}
      />
    </>
  );
}
