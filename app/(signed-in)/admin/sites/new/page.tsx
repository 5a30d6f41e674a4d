import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { createSiteAction } from "../actions";
import { SiteForm } from "../SiteForm";

export default async function NewSitePage() {
  await requireUser("manage:site:any");
  return (
    <>
      <BackLink href="/admin/sites" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={createSiteAction}>
          <FormHeading>Add a site</FormHeading>
          <SiteForm action={createSiteAction} submitLabel="Add site" />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
