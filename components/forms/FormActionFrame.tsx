"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
export type FormActionHandle = readonly [FormState, (formData: FormData) => void, boolean];

const FormActionContext = createContext<FormActionHandle | null>(null);
const FormActionsContext = createContext<Readonly<Record<string, FormActionHandle>> | null>(null);

/**
 * Owns a form's server-action state for everything inside it: the form (useFormAction) and the
 * page's title (FormTitle), so the title knows in the same render whether the form shows errors.
 * That is what puts "Error: " in the title without JavaScript too (GOV.UK error pattern, UX-03):
 * after a plain POST the server renders the page once, with the action's result.
 */
export function FormActionScope({ action, children }: { action: Action; children: ReactNode }) {
  const handle = useActionState(action, initialFormState);
  return <FormActionContext value={handle}>{children}</FormActionContext>;
}

/**
 * FormActionScope for a page with several forms (a user's page: details, password, status …): one
 * action state per named form, so the title (FormTitle) starts "Error: " while ANY of them shows
 * errors, without JavaScript too (UX-03). A form takes its state with `useFormAction(action, name)`.
 * `actions` must have the same keys, in the same order, on every render of the page: useActionState
 * is called once per key, and hooks must be called in a stable order. The keys are fixed in the
 * page's source (an object literal), never built from data.
 */
export function FormActionsScope({ actions, children }: { actions: Readonly<Record<string, Action>>; children: ReactNode }) {
  const handles: Record<string, FormActionHandle> = {};
  for (const [name, action] of Object.entries(actions)) {
    // Stable order: the keys are fixed for a page (see above), so this is one hook per key every render.
    handles[name] = useActionState(action, initialFormState);
  }
  return <FormActionsContext value={handles}>{children}</FormActionsContext>;
}

/** The document title, "Error: " first while the enclosing scope's form (any of its forms) shows errors (or `error` says so). */
export function FormTitle({ children, error }: { children: string; error?: boolean }) {
  const shared = useContext(FormActionContext);
  const several = useContext(FormActionsContext);
  const anyError = several ? Object.values(several).some(([state]) => state.status === "error") : false;
  return <DocumentTitle error={error || shared?.[0].status === "error" || anyError}>{children}</DocumentTitle>;
}

/**
 * The frame of a one-form page — back link, heading (as PageHeading renders it) and document
 * title — in a FormActionScope: the title starts "Error: " while the form inside shows errors.
 */
export function FormActionFrame({
  action,
  heading,
  caption,
  title,
  back,
  children,
}: {
  action: Action;
  heading: string;
  caption?: string;
  title?: string;
  back?: { href: string; text?: string };
  children: ReactNode;
}) {
  return (
    <FormActionScope action={action}>
      {back && <BackLink href={back.href} text={back.text} />}
      <FormTitle>{title ?? heading}</FormTitle>
      <h1 className="govuk-heading-l">
        {caption && <span className="govuk-caption-l">{caption}</span>}
        {heading}
      </h1>
      {children}
    </FormActionScope>
  );
}

/**
 * A form's server-action state: the named one (`name`) when the form sits in a FormActionsScope
 * that has it, the frame's when it sits in a FormActionFrame / FormActionScope, its own otherwise
 * (the same form also renders on pages without a scope).
 */
export function useFormAction(action: Action, name?: string): FormActionHandle {
  const shared = useContext(FormActionContext);
  const several = useContext(FormActionsContext);
  const own = useActionState(action, initialFormState);
  const named = name !== undefined && several && Object.hasOwn(several, name) ? several[name] : undefined;
  return named ?? shared ?? own;
}

/**
 * PageHeading inside a FormActionScope, for pages whose layout does not fit FormActionFrame (the
 * back link outside the grid, text between heading and form): the same h1 and caption, and the
 * title from FormTitle, so it starts "Error: " while the scope's form shows errors (UX-03).
 */
export function FormHeading({ children, caption, title }: { caption?: string } & ({ children: string; title?: string } | { children: ReactNode; title: string })) {
  return (
    <>
      <FormTitle>{title ?? (children as string)}</FormTitle>
      <h1 className="govuk-heading-l">
        {caption && <span className="govuk-caption-l">{caption}</span>}
        {children}
      </h1>
    </>
  );
}
