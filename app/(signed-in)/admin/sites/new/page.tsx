import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
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
          <PageHeading>Add a site</PageHeading>
          <SiteForm action={createSiteAction} submitLabel="Add site" />
        </div>
      </div>
    </>
  );
}
