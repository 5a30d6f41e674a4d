import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";
import { updateProviderContactsAction } from "../actions";
import { ProviderContactsForm } from "../SettingsForms";

export default async function ProviderContactsPage() {
  const user = await requireUser("manage:settings:any");
  const { provider } = await loadSettingsPage(user);
  return (
    <>
      <BackLink href="/admin/settings#provider" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={updateProviderContactsAction}>
          <FormHeading caption="Settings">Provider contact details and DWP inboxes</FormHeading>
          <ProviderContactsForm action={updateProviderContactsAction} provider={provider} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
