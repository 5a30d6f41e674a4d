import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";
import { changeSettingAction } from "../actions";
import { SettingForm } from "../SettingsForms";

/** One setting, edited generically from its SETTINGS entry (lib/domain/settings.ts). */
export default async function SettingPage({ params }: { params: Promise<{ key: string }> }) {
  const user = await requireUser("manage:settings:any");
  const { key } = await params;
  const overview = await loadSettingsPage(user);
  const setting = overview.settings.find((candidate) => candidate.key === decodeURIComponent(key));
  if (!setting) notFound();
  return (
    <>
      <BackLink href="/admin/settings#settings" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={changeSettingAction}>
          <FormHeading caption="Settings">Change a setting</FormHeading>
          <p className="govuk-body">
            Now: <strong>{setting.display}</strong>. The rule it serves: <code>{setting.rule}</code>.
          </p>
          <SettingForm action={changeSettingAction} settingKey={setting.key} label={setting.label} kind={setting.kind} inputText={setting.inputText} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
