import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/domain/navigation";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { MyCasesDueThisWeek } from "./MyCasesDueThisWeek";

export default async function HomePage() {
  const user = await requireUser();
  const destinations = navigationFor(user.roles).filter((item) => item.href !== "/");
  return (
    <>
      <PageHeading title="Home" caption={user.roles.map((role) => ROLE_LABELS[role]).join(", ")}>Welcome, {user.name}</PageHeading>
      {can(user.roles, "update:case:any") && <MyCasesDueThisWeek user={user} />}
      <h2 className="govuk-heading-m">What you can do</h2>
      <ul className="govuk-list">
        {destinations.map((item) => (
          <li key={item.href}>
            <a className="govuk-link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
