import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import { listSiteOptions } from "@/lib/server/sites/list-site-options";
import { createUserAction } from "../actions";
import { CreateUserForm } from "../UserForms";

export default async function NewUserPage() {
  const user = await requireUser("manage:user:any");
  const sites = await listSiteOptions(await getPrisma(), user.organisationId);
  return (
    <>
      <BackLink href="/admin/users" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading>Add a user</PageHeading>
          <CreateUserForm action={createUserAction} sites={sites} />
        </div>
      </div>
    </>
  );
}
