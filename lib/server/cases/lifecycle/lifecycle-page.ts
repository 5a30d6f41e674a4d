import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import { claimantDisplayName } from "@/lib/domain/claimant-name";
import type { PrismaClient } from "@/lib/db/prisma";
import { actionSlug, lifecycleFormSchema, postedFieldNames, stepPage, type LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import { stepVerdict } from "@/lib/domain/lifecycle/check-transition";
import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import type { AnswerRow, PageContext } from "@/lib/domain/lifecycle/step";
import { askedQuestions, type AskedQuestion, type BusinessDate, type BusinessDateSpec, type StepForm } from "@/lib/domain/lifecycle/step-form";
import { checkAnswerRows, whatToDoNext, type WhatToDoNext } from "@/lib/domain/lifecycle/step-pages";
import { ACTION_LABELS } from "@/lib/domain/lifecycle/steps";
import type { FieldErrors } from "@/lib/forms/form-state";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";
import { assertCan, type UseCaseActor } from "../../assert-can";
import { findVisibleCase } from "../find-visible-case";
import { loadLifecycleSnapshot, loadUnableToContactThreshold } from "./lifecycle-snapshot";
import { queryValue } from "@/lib/forms/query-value";

/** What a lifecycle page needs about the case: a DTO, never a Prisma row (docs/security.md AC-04). */
export interface LifecycleCase {
  id: string;
  reference: string;
  version: number;
  claimantName: string;
  strand: string | null;
  /** Agreed on the Warm Handover call (13.11, 13.15): the Initial Assessment pages start from it. */
  initialAssessmentOn: IsoDate | null;
  snapshot: LifecycleSnapshot;
}

/**
 * Load a case for a lifecycle page through the visibility rule (findVisibleCase; AC-01).
 * `restrictedRead` names the audit action a step page writes when the case is SCR (LG-01); pass
 * null for a read the caller has audited already. (The case page builds its "What to do next"
 * from its own read: lib/server/case-page/get-case-page.ts.)
 */
export async function findLifecycleCase(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  restrictedRead: string | null = null,
): Promise<LifecycleCase> {
  assertCan(actor, "read:case:any");
  const row = await findVisibleCase(prisma, actor, caseId, {
    select: { reference: true, version: true, strand: true, initialAssessmentOn: true, claimant: { select: { title: true, forename: true, surname: true } } },
    restrictedRead,
  });
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    claimantName: claimantDisplayName(row.claimant),
    strand: row.strand,
    initialAssessmentOn: isoDateFromDb(row.initialAssessmentOn),
    snapshot: await loadLifecycleSnapshot(prisma, row.id),
  };
}

/** The case with what to do next on it: the steps the state machine offers that have a page, and whether the strand referral is awaited (the access matrix and the lifecycle tests read it). */
export async function getLifecycleCase(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  restrictedRead: string | null = null,
): Promise<LifecycleCase & WhatToDoNext> {
  const lifecycleCase = await findLifecycleCase(prisma, actor, caseId, restrictedRead);
  return { ...lifecycleCase, ...whatToDoNext(lifecycleCase.snapshot, lifecycleCase.strand) };
}

/** The header every step page shows. */
export interface StepPageHeader {
  action: LifecycleFormAction;
  label: string;
  caseId: string;
  casePath: string;
  pagePath: string;
  /** "Jane Smith – case SES-000123" */
  caption: string;
  /** The page title's case part (lib/domain/case-sections.ts casePageTitle). */
  claimantName: string;
  reference: string;
}

export type LifecycleStepPage =
  /** The case cannot take the step now: the state machine's reason, and nothing to submit. */
  | { kind: "unavailable"; header: StepPageHeader; message: string }
  | {
      kind: "question";
      header: StepPageHeader;
      explanation: string;
      questions: AskedQuestion[];
      version: number;
      /** A step that can be put right later posts to the server; an irreversible one goes to check your answers first. */
      next: "server" | "check-answers";
      /** What was typed, dates as `${name}-day|month|year`. */
      values: Record<string, string>;
      errors: FieldErrors;
      message?: string;
    }
  | {
      kind: "check-answers";
      header: StepPageHeader;
      rows: AnswerRow[];
      /** The state machine's warnings (a late cancellation, a start recorded after the day). */
      warnings: string[];
      /** The answers, posted again as hidden fields. */
      answers: Record<string, string>;
      version: number;
      changeHref: string;
      /** A red confirm button: the step rejects or cancels the referral. */
      warning: boolean;
    };

/** Early-leaving reasons from the administrator-editable list (13.36, 3.16). */
async function loadEarlyLeavingReasons(prisma: PrismaClient) {
  return prisma.reason.findMany({
    where: { kind: "early_leaving", active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { code: true, label: true },
  });
}

/**
 * One step's page for the case (/cases/[caseId]/act/<slug>), asking the state machine once: the
 * question page (with what was typed, and the errors when check-your-answers was refused), or the
 * check-your-answers page of an irreversible step, or why the step is unavailable now. The server
 * asks again inside its transaction on submission.
 */
export async function getLifecycleStepPage(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  action: LifecycleFormAction,
  query: Record<string, string | string[] | undefined>,
  clock: { today: IsoDate; now: Date },
): Promise<LifecycleStepPage> {
  const lifecycleCase = await findLifecycleCase(prisma, actor, caseId, "case.restricted_read_action_page");
  const { snapshot } = lifecycleCase;
  const page = stepPage(action);
  const label = ACTION_LABELS[action];
  const casePath = `/cases/${lifecycleCase.id}`;
  const pagePath = `${casePath}/act/${actionSlug(action)}`;
  const header: StepPageHeader = { action, label, caseId: lifecycleCase.id, casePath, pagePath, caption: `${lifecycleCase.claimantName} – case ${lifecycleCase.reference}`, claimantName: lifecycleCase.claimantName, reference: lifecycleCase.reference };
  const context: PageContext = {
    ruleset: snapshot.ruleset,
    today: clock.today,
    earlyLeavingReasons: await loadEarlyLeavingReasons(prisma),
    agreedInitialAssessmentOn: lifecycleCase.initialAssessmentOn,
  };

  const values: Record<string, string> = {};
  for (const name of postedFieldNames(action)) {
    const value = queryValue(query[name]);
    if (value !== undefined) values[name] = value;
  }
  const irreversible = page.checkAnswers !== undefined;
  const version = irreversible ? Number(queryValue(query.version) ?? lifecycleCase.version) || lifecycleCase.version : lifecycleCase.version;
  const parsed = irreversible && queryValue(query.step) === "confirm" ? lifecycleFormSchema(action).safeParse({ caseId: lifecycleCase.id, version: String(version), ...values }) : null;
  const input = parsed?.success ? parsed.data.input : null;
  const threshold = input === null ? undefined : await loadUnableToContactThreshold(prisma);
  const verdict = stepVerdict(snapshot, action, input, { ...clock, unableToContactThreshold: threshold });

  if (verdict.kind === "unavailable") return { kind: "unavailable", header, message: verdict.refusal.message };
  if (verdict.kind === "allowed" && input !== null) {
    return {
      kind: "check-answers",
      header,
      rows: [...happenedRows(parsed?.success ? parsed.data.happened : null, page.form.businessDate), ...checkAnswerRows(action, input, context)],
      warnings: verdict.check.warnings,
      answers: values,
      version,
      changeHref: `${pagePath}?${new URLSearchParams({ ...values, version: String(version) }).toString()}`,
      warning: page.checkAnswers?.warning ?? false,
    };
  }
  const refusal = verdict.kind === "refused" ? verdict.refusal : null;
  return {
    kind: "question",
    header,
    explanation: page.explanation,
    questions: askedQuestions(page.form as StepForm<unknown>, context),
    version,
    next: irreversible ? "check-answers" : "server",
    values,
    errors: parsed && !parsed.success ? fieldErrorsFrom(parsed.error) : refusal?.field ? { [refusal.field]: refusal.message } : {},
    message: refusal && !refusal.field ? refusal.message : undefined,
  };
}

/** The business date (and time) the user entered, first on the check-answers list (docs/rules/decisions.md: business dates). */
function happenedRows(happened: BusinessDate | null, spec: BusinessDateSpec | null): AnswerRow[] {
  if (!happened || !spec) return [];
  const rows: AnswerRow[] = [{ key: spec.label, value: formatLongDate(happened.on), change: spec.label.toLowerCase() }];
  if (happened.time && spec.time) rows.push({ key: spec.time.label, value: happened.time, change: spec.time.label.toLowerCase() });
  return rows;
}
