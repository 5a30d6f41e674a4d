import type { z } from "zod";
import type { LifecycleFormOutput, StepForm } from "../lifecycle/step-form";
import { postedNames } from "../lifecycle/step-form";
import { LIFECYCLE_STEPS, type LifecycleFormAction, type LifecycleInputs } from "../lifecycle/steps";
import type { StepPage } from "../lifecycle/step";

/**
 * The forms behind the lifecycle steps' pages (docs/rules/states.md "Lifecycle"), looked up by
 * action: one page per step at /cases/[caseId]/act/<slug>, each form posting `caseId`, `version`
 * and the step's own fields, strict (docs/security.md AC-04). Each step declares its form in
 * lib/domain/lifecycle/steps/; this file only finds it.
 */

export type { LifecycleFormAction, LifecycleFormOutput };

const PAGES = new Map(LIFECYCLE_STEPS.flatMap((step) => (step.page === null ? [] : [[step.action as LifecycleFormAction, step.page] as const])));

/** The actions with a page here, in the order the case page lists them. */
export const LIFECYCLE_FORM_ACTIONS: readonly LifecycleFormAction[] = [...PAGES.keys()];

export function isLifecycleFormAction(value: unknown): value is LifecycleFormAction {
  return typeof value === "string" && PAGES.has(value as LifecycleFormAction);
}

/** A step's page: its copy, form, check-answers rows and writes. */
export function stepPage<A extends LifecycleFormAction>(action: A): StepPage<LifecycleInputs[A]> {
  const page = PAGES.get(action);
  if (!page) throw new RangeError(`No page for the lifecycle step ${JSON.stringify(action)}`);
  return page as unknown as StepPage<LifecycleInputs[A]>;
}

/** Steps that cannot be undone: a check-your-answers page comes before the server is asked. */
export const IRREVERSIBLE_ACTIONS: ReadonlySet<LifecycleFormAction> = new Set(
  LIFECYCLE_FORM_ACTIONS.filter((action) => stepPage(action).checkAnswers !== undefined),
);

/** The URL segment of an action's page: /cases/[caseId]/act/<slug>. */
export function actionSlug(action: LifecycleFormAction): string {
  return action.replaceAll("_", "-");
}

export function actionFromSlug(slug: string): LifecycleFormAction | null {
  const action = slug.replaceAll("-", "_");
  return isLifecycleFormAction(action) ? action : null;
}

/** The strict schema for one action's form. */
export function lifecycleFormSchema<A extends LifecycleFormAction>(action: A): z.ZodType<LifecycleFormOutput<LifecycleInputs[A]>> {
  return stepPage(action).form.schema;
}

/** The raw names posted for an action: dates as their three parts. */
export function postedFieldNames(action: LifecycleFormAction): string[] {
  return postedNames(stepPage(action).form as StepForm<unknown>);
}
