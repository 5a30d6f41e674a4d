import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { nationFromCode } from "@/lib/domain/nation";
import { nationDisplayName } from "@/lib/calendar/nations";
import { loadSitesPage } from "@/lib/server/sites/load-sites-page";

export default async function SitesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:site:any");
  const sites = await loadSitesPage(user);
  const { updated } = await searchParams;
  return (
    <>
      {updated && <NotificationBanner type="success" title="Success">{updated === "created" ? "Site added." : "Site saved."}</NotificationBanner>}
      <PageHeading>Sites</PageHeading>
      <ButtonLink href="/admin/sites/new">Add a site</ButtonLink>
      <Table responsive
        caption="Delivery sites"
        head={[{ text: "Site" }, { text: "Nation (calendar)" }, { text: "Capacity", numeric: true }, { text: "Open cases", numeric: true }, { text: "Status" }]}
        rows={sites.map((site) => ({
          id: site.id,
          cells: [
            { content: <a className="govuk-link" href={`/admin/sites/${site.id}`}>{site.name}</a> },
            { content: nationDisplayName(nationFromCode(site.nation)) },
            { content: site.capacity ?? "Not recorded", numeric: true },
            { content: site.openCases, numeric: true },
            { content: <Tag text={site.active ? "Open" : "Closed"} colour={site.active ? "green" : "grey"} /> },
          ],
        }))}
      />
    </>
  );
}
