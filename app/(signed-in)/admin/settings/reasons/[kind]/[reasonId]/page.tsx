import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionsScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { PRAP_REASON_LABELS, REASON_KIND_LABELS, type ReasonKindValue } from "@/lib/domain/forms/settings-forms";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";
import { renameReasonAction, setReasonActiveAction } from "../../../actions";
import { RenameReasonForm, SetReasonActiveForm } from "../../../SettingsForms";

/** Rename a reason (its code and PRaP label stay) or retire it. */
export default async function ReasonPage({ params }: { params: Promise<{ kind: string; reasonId: string }> }) {
  const user = await requireUser("manage:settings:any");
  const { kind, reasonId } = await params;
  const { reasons } = await loadSettingsPage(user);
  const entry = reasons.find((list) => list.kind === kind)?.entries.find((candidate) => candidate.id === reasonId);
  if (!entry) notFound();
  return (
    <>
      <BackLink href="/admin/settings#reasons" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionsScope actions={{ rename: renameReasonAction, active: setReasonActiveAction }}>
          <FormHeading caption={REASON_KIND_LABELS[kind as ReasonKindValue]} title={`Change reason: ${entry.label}`}>
            {entry.label}
          </FormHeading>
          <p className="govuk-body">
            {entry.prapLabel ? `Recorded in PRaP as “${PRAP_REASON_LABELS[entry.prapLabel as keyof typeof PRAP_REASON_LABELS] ?? entry.prapLabel}”.` : "Not recorded in PRaP."}{" "}
            {entry.active ? "Offered to caseworkers." : "Retired: no longer offered; cases closed with it keep it."}
          </p>
          <RenameReasonForm action={renameReasonAction} reasonId={entry.id} label={entry.label} />
          <h2 className="govuk-heading-m">{entry.active ? "Retire" : "Offer again"}</h2>
          <SetReasonActiveForm action={setReasonActiveAction} reasonId={entry.id} active={entry.active} />
          </FormActionsScope>
        </div>
      </div>
    </>
  );
}
