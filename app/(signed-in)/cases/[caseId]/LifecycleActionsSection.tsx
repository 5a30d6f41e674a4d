import type { CurrentUser } from "@/lib/auth/current-user";
import type { CaseView } from "@/lib/server/cases/case-view";

/** The lifecycle actions this user can take on this case now (issue 4). */
export async function LifecycleActionsSection(_props: { view: CaseView; user: CurrentUser }) {
  return null;
}
