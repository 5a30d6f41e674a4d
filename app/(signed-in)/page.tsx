import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/domain/navigation";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { loadMyCasesDue } from "@/lib/server/dashboard/load-my-cases-due";
import { MyCasesDueThisWeek } from "./MyCasesDueThisWeek";
import { ManagerHeadlines } from "./ManagerHeadlines";
import { DEFAULT_DASHBOARD_FILTERS } from "@/lib/domain/dashboard/filters";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export default async function HomePage() {
  const user = await requireUser();
  const destinations = navigationFor(user.roles).filter((item) => item.href !== "/");
  const due = can(user.roles, "update:case:any") ? await loadMyCasesDue(user) : null;
  const headlines = can(user.roles, "read:dashboard:any") ? await loadDashboardPage(user, DEFAULT_DASHBOARD_FILTERS, 1) : null;
  return (
    <>
      <PageHeading title="Home" caption={user.roles.map((role) => ROLE_LABELS[role]).join(", ")}>Welcome, {user.name}</PageHeading>
      {headlines && <ManagerHeadlines view={headlines} />}
      {due && <MyCasesDueThisWeek due={due} />}
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
