import type { ReactNode } from "react";
import { classNames } from "../class-names";
import { DocumentTitle } from "./DocumentTitle";

interface PageHeadingBase {
  /** Context above the heading, e.g. the participant's name or "Referral 2 of 5". */
  caption?: string;
  size?: "m" | "l" | "xl";
  className?: string;
  /** The form on the page shows errors: the title starts "Error: " (with or without JavaScript). */
  error?: boolean;
}

/** A heading of plain text is its own title; a heading with markup must say its title in words. */
export type PageHeadingProps = PageHeadingBase & ({ children: string; title?: string } | { children: ReactNode; title: string });

/**
 * The page's one h1, and the document <title> that goes with it. The caption sits inside the h1
 * (GOV.UK "headings with captions") so it is read as part of the heading. The title is rendered
 * here, beside the heading, so that it is committed with the page's content on every kind of
 * navigation (see DocumentTitle).
 */
export function PageHeading({ children, caption, size = "l", className, title, error }: PageHeadingProps) {
  return (
    <>
      <DocumentTitle error={error}>{title ?? (children as string)}</DocumentTitle>
      <h1 className={classNames(`govuk-heading-${size}`, className)}>
        {caption && <span className={`govuk-caption-${size}`}>{caption}</span>}
        {children}
      </h1>
    </>
  );
}
