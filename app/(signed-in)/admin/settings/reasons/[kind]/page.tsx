import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { REASON_KIND_LABELS, REASON_KINDS, type ReasonKindValue } from "@/lib/domain/forms/settings-forms";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";
import { addReasonAction } from "../../actions";
import { AddReasonForm } from "../../SettingsForms";

/** Add an entry to one reason list (docs/rules/reasons-and-settings.md). */
export default async function ReasonListPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:settings:any");
  const { kind } = await params;
  const { updated } = await searchParams;
  if (!(REASON_KINDS as readonly string[]).includes(kind)) notFound();
  const { reasons } = await loadSettingsPage(user);
  const list = reasons.find((candidate) => candidate.kind === kind);
  const title = REASON_KIND_LABELS[kind as ReasonKindValue];
  return (
    <>
      <BackLink href="/admin/settings#reasons" />
      {updated && <NotificationBanner type="success" title="Success">Reason added.</NotificationBanner>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={addReasonAction}>
          <FormHeading caption={title}>Add a reason</FormHeading>
          <ul className="govuk-list govuk-list--bullet">
            {list?.entries.map((entry) => (
              <li key={entry.id}>
                {entry.label}
                {entry.active ? "" : " (retired)"}
              </li>
            ))}
          </ul>
          <AddReasonForm action={addReasonAction} kind={kind} needsPrapLabel={kind === "rejection" || kind === "cancellation"} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
