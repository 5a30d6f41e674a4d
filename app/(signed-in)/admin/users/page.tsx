import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { isRole, ROLE_LABELS } from "@/lib/domain/permissions";
import { loadUsersPage } from "@/lib/server/users/load-users-page";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function UsersPage() {
  const user = await requireUser("manage:user:any");
  const users = await loadUsersPage(user);
  return (
    <>
      <PageHeading>Users</PageHeading>
      <ButtonLink href="/admin/users/new">Add a user</ButtonLink>
      <Table responsive
        caption="Users of your organisation"
        head={[{ text: "Name" }, { text: "Email address" }, { text: "Roles" }, { text: "Sites" }, { text: "Status" }, { text: "Last signed in" }]}
        rows={users.map((row) => ({
          id: row.id,
          cells: [
            { content: <a className="govuk-link" href={`/admin/users/${row.id}`}>{row.name}</a> },
            { content: row.email },
            { content: row.roles.filter(isRole).map((role) => ROLE_LABELS[role]).join(", ") },
            { content: row.siteNames.length > 0 ? row.siteNames.join(", ") : "All sites" },
            { content: <Tag text={row.active ? "Active" : "Deactivated"} colour={row.active ? "green" : "grey"} /> },
            { content: row.lastSignedInAt ? dateTime.format(row.lastSignedInAt) : "Never" },
          ],
        }))}
      />
    </>
  );
}
