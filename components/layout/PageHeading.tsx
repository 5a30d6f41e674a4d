import type { ReactNode } from "react";
import { classNames } from "../class-names";

export interface PageHeadingProps {
  children: ReactNode;
  /** Context above the heading, e.g. the participant's name or "Referral 2 of 5". */
  caption?: string;
  size?: "m" | "l" | "xl";
  className?: string;
}

/**
 * The page's one h1. The caption sits inside the h1 (GOV.UK "headings with captions") so it is
 * read as part of the heading; the document <title> should match the heading text.
 */
export function PageHeading({ children, caption, size = "l", className }: PageHeadingProps) {
  return (
    <h1 className={classNames(`govuk-heading-${size}`, className)}>
      {caption && <span className={`govuk-caption-${size}`}>{caption}</span>}
      {children}
    </h1>
  );
}
