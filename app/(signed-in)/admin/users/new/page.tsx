import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { createUserAction } from "../actions";
import { CreateUserForm } from "../UserForms";

export default async function NewUserPage() {
  const user = await requireUser("manage:user:any");
  const sites = await loadSiteOptions(user);
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
