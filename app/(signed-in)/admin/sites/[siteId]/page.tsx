import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadSitePage } from "@/lib/server/sites/load-site-page";
import { updateSiteAction } from "../actions";
import { SiteForm } from "../SiteForm";

export default async function SitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser("manage:site:any");
  const { siteId } = await params;
  const site = await loadSitePage(user, siteId);
  return (
    <>
      <BackLink href="/admin/sites" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={updateSiteAction}>
          <FormHeading caption="Site" title="Change site">{site.name}</FormHeading>
          <SiteForm action={updateSiteAction} site={site} submitLabel="Save changes" />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
