import type { CurrentUser } from "@/lib/auth/current-user";
import type { CaseView } from "@/lib/server/cases/case-view";

/** The case's paper trail: UC452 parts, UCPR1, emails sent (issue 4 "Forms"). */
export async function FormsSection(_props: { view: CaseView; user: CurrentUser }) {
  return null;
}
