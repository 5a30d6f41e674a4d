"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { BackLink } from "@/components/layout/BackLink";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;
export type FormActionHandle = readonly [FormState, (formData: FormData) => void, boolean];

const FormActionContext = createContext<FormActionHandle | null>(null);

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

/** The document title, "Error: " first while the enclosing FormActionScope's form shows errors (or `error` says so). */
export function FormTitle({ children, error }: { children: string; error?: boolean }) {
  const shared = useContext(FormActionContext);
  return <DocumentTitle error={error || shared?.[0].status === "error"}>{children}</DocumentTitle>;
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
 * A form's server-action state: the frame's when the form sits in a FormActionFrame, its own
 * otherwise (the same form also renders on pages without the frame).
 */
export function useFormAction(action: Action): FormActionHandle {
  const shared = useContext(FormActionContext);
  const own = useActionState(action, initialFormState);
  return shared ?? own;
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
