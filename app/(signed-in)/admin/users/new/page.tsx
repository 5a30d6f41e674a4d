import { BackLink } from "@/components/layout/BackLink";
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
          <CreateUserForm action={createUserAction} sites={sites} />
        </div>
      </div>
    </>
  );
}
