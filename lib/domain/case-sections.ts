/**
 * The sections of a case's record, each a page under /cases/[caseId]/ behind the MoJ sub
 * navigation (docs/architecture.md "UI conventions"), and the titles of the case's pages: each
 * names the case, so users with several tabs open can tell them apart (GOV.UK page titles).
 */
import { can, type Role } from "./permissions";

export type CaseSection = "overview" | "forms" | "contact" | "timeline" | "access-log";

export function caseSections(caseId: string, roles: readonly Role[]): { id: CaseSection; label: string; href: string }[] {
  const base = `/cases/${caseId}`;
  return [
    { id: "overview", label: "Overview", href: base },
    { id: "forms", label: "Forms and letters", href: `${base}/forms` },
    { id: "contact", label: "Contact and notes", href: `${base}/contact` },
    { id: "timeline", label: "Timeline", href: `${base}/timeline` },
    // The per-case access log is the nominated officers' (docs/security.md LG-01).
    ...(can(roles, "read:restricted-case:any") ? [{ id: "access-log" as const, label: "Access log", href: `${base}/access-log` }] : []),
  ];
}

/**
 * "Record the start – Mrs Leanne Sugden – SES-000014": the page's own heading, then whose case and
 * which; the case's overview is just the person and the reference. DocumentTitle adds the service.
 */
export function casePageTitle(heading: string | null, claimantName: string, reference: string): string {
  return [heading, claimantName, reference].filter(Boolean).join(" – ");
}
