import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import type { LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import { loadLifecycleStepPage } from "@/lib/server/cases/lifecycle/load-lifecycle-step-page";
import * as stepActions from "../actions";
import { CheckAnswers } from "./CheckAnswers";
import type { StepServerAction } from "./LifecycleForms";
import { Question } from "./Question";
import { Unavailable } from "./Unavailable";

/** The name of each step's export in ../actions.ts: its action id in camel case, then "Action". */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type ActionExport<A extends string> = `${CamelCase<A>}Action`;

// The compiler checks that every step with a page has its server action.
const SERVER_ACTIONS: { readonly [A in LifecycleFormAction as ActionExport<A>]: StepServerAction } = stepActions;

function serverActionFor<A extends LifecycleFormAction>(action: A): StepServerAction {
  const name = `${action.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}Action` as ActionExport<A>;
  return SERVER_ACTIONS[name];
}

export default async function LifecycleStepPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string; action: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { caseId, action: slug } = await params;
  const page = await loadLifecycleStepPage(user, caseId, slug, await searchParams);
  if (page === null) notFound();
  const serverAction = serverActionFor(page.header.action);
  switch (page.kind) {
    case "unavailable":
      return <Unavailable header={page.header} message={page.message} />;
    case "question":
      return <Question page={page} serverAction={serverAction} />;
    case "check-answers":
      return <CheckAnswers page={page} serverAction={serverAction} />;
  }
}
