import { formatLongDate, isIsoDate } from "@/lib/calendar/iso-date";

/**
 * The UC452 Claimant Tracker (Annex 7 of the Chapter 13 guidance) as VERSIONED TEMPLATES
 * (docs/rules/decisions.md, form templates: part 5 is described nowhere public, so we keep each part's fields as
 * data, per template version, and never invent any). A stored Uc452Form row names its
 * templateVersion; only the fields its template lists are ever shown, printed or emailed — so
 * anything else in the row's JSON (e.g. a reason someone typed into part 7) never leaves the app
 * (13.31: no sensitive information on the UC452).
 */

export const UC452_PARTS = ["parts_1_to_4", "part_6", "part_7", "part_8a", "part_8b"] as const;
export type Uc452Part = (typeof UC452_PARTS)[number];

/**
 * The parts the provider emails, one form per email: parts 6 and 7 after the Initial Assessment
 * (13.21, 13.22), and parts 8a and 8b at exit, to notify the UC Service Centre (13.21 note, 13.36, 13.37).
 */
export const EMAILED_PARTS = ["part_6", "part_7", "part_8a", "part_8b"] as const satisfies readonly Uc452Part[];
export type EmailedPart = (typeof EMAILED_PARTS)[number];

/** The exit parts: the exit notice of a 2016 UC case (13.21 note, 13.36, 13.37). */
export const EXIT_PARTS = ["part_8a", "part_8b"] as const satisfies readonly EmailedPart[];

export const INBOXES = ["uc_service_centre", "ses_policy", "dea_work_coach"] as const;
export type Inbox = (typeof INBOXES)[number];

export const INBOX_LABELS: Record<Inbox, string> = {
  uc_service_centre: "Universal Credit Service Centre inbox",
  ses_policy: "SES Policy inbox",
  dea_work_coach: "Referring DEA or Work Coach",
};

/**
 * Where each UC452 part goes: parts 6 and 7 to both DWP inboxes (13.21, 13.22); parts 8a and 8b to
 * the UC Service Centre, which the note to 13.21 says to notify when the participant exits.
 */
export function inboxesFor(part: EmailedPart): readonly Inbox[] {
  return part === "part_8a" || part === "part_8b" ? ["uc_service_centre"] : ["uc_service_centre", "ses_policy"];
}

export type TemplateFieldKind = "text" | "date" | "strand";

export interface TemplateField {
  key: string;
  label: string;
  kind: TemplateFieldKind;
}

export interface TemplatePart {
  title: string;
  /** Guidance paragraphs that describe the part. */
  paragraphs: readonly string[];
  /** Who completes it. */
  completedBy: "JCP" | "provider";
  fields: readonly TemplateField[];
}

export interface Uc452Template {
  version: string;
  parts: Record<Uc452Part, TemplatePart>;
}

const STRAND_TEXT: Record<string, string> = { sesmp: "SES Main Provision (SESMP)", sessb: "SES Start Back (SESSB)" };

/** 3.16: the 2017 exit notice, stored as the exit parts of a form under its own template version. */
export const CUSTOMER_EXIT_TRACKER_TEMPLATE = "customer-exit-tracker-2017";

const NOT_ON_THE_EXIT_TRACKER: TemplatePart = { title: "Not on the Customer Exit Tracker", paragraphs: ["3.16"], completedBy: "provider", fields: [] };

/**
 * The Customer Exit Tracker Document (3.16; its template is not published — "insert link" — so it
 * holds exactly what 3.16 names): the scheduled end date, or the early finish date and the reason.
 * It goes to the referring DEA/Work Coach whose details were taken at the Warm Handover (3.05).
 */
const CUSTOMER_EXIT_TRACKER: Uc452Template = {
  version: CUSTOMER_EXIT_TRACKER_TEMPLATE,
  parts: {
    parts_1_to_4: NOT_ON_THE_EXIT_TRACKER,
    part_6: NOT_ON_THE_EXIT_TRACKER,
    part_7: NOT_ON_THE_EXIT_TRACKER,
    part_8a: {
      title: "Customer Exit Tracker: left early",
      paragraphs: ["3.16"],
      completedBy: "provider",
      fields: [
        { key: "leavingOn", label: "Early finish date", kind: "date" },
        { key: "reason", label: "Reason for leaving early", kind: "text" },
      ],
    },
    part_8b: {
      title: "Customer Exit Tracker: completed",
      paragraphs: ["3.16"],
      completedBy: "provider",
      fields: [{ key: "actualEndOn", label: "End date of the provision", kind: "date" }],
    },
  },
};

export const UC452_TEMPLATES: Readonly<Record<string, Uc452Template>> = {
  [CUSTOMER_EXIT_TRACKER_TEMPLATE]: CUSTOMER_EXIT_TRACKER,
  "uc452-2016": {
    version: "uc452-2016",
    parts: {
      // Completed by the JCP Work Coach (13.12, 13.14): the app shows the referral and claimant
      // details it holds rather than guessing the paper form's boxes.
      parts_1_to_4: { title: "Parts 1 to 4: claimant and referral details", paragraphs: ["13.12", "13.14"], completedBy: "JCP", fields: [] },
      part_6: {
        title: "Part 6: recommended",
        paragraphs: ["13.21"],
        completedBy: "provider",
        fields: [
          { key: "strand", label: "Strand", kind: "strand" },
          { key: "anticipatedStartOn", label: "Anticipated start date", kind: "date" },
          { key: "anticipatedEndOn", label: "Anticipated end date", kind: "date" },
        ],
      },
      part_7: {
        title: "Part 7: not recommended",
        paragraphs: ["13.22", "13.31"],
        completedBy: "provider",
        // Provider contact details only: the reason is telephoned to the JCP SPoC (13.31).
        fields: [
          { key: "providerName", label: "Provider", kind: "text" },
          { key: "providerPhone", label: "Provider telephone", kind: "text" },
          { key: "providerEmail", label: "Provider email", kind: "text" },
        ],
      },
      part_8a: {
        title: "Part 8a: early leaver",
        paragraphs: ["13.36"],
        completedBy: "provider",
        fields: [
          { key: "leavingOn", label: "Early leaving date", kind: "date" },
          { key: "reason", label: "Reason for leaving", kind: "text" },
        ],
      },
      part_8b: {
        title: "Part 8b: completed",
        paragraphs: ["13.37"],
        completedBy: "provider",
        fields: [{ key: "actualEndOn", label: "Actual end date", kind: "date" }],
      },
    },
  },
};

export const CURRENT_UC452_TEMPLATE = "uc452-2016";



export function isEmailedPart(value: string): value is EmailedPart {
  return (EMAILED_PARTS as readonly string[]).includes(value);
}

export function isInbox(value: string): value is Inbox {
  return (INBOXES as readonly string[]).includes(value);
}

export interface RenderedField {
  key: string;
  label: string;
  value: string;
}

function formatValue(field: TemplateField, raw: unknown): string {
  if (raw === null || raw === undefined || raw === "") return "Not recorded";
  const text = typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
  if (text === "") return "Not recorded";
  if (field.kind === "date" && isIsoDate(text)) return formatLongDate(text);
  if (field.kind === "strand") return STRAND_TEXT[text] ?? text;
  return text;
}

/**
 * A stored part's fields, as its template lists them, in the template's order. Keys the template
 * does not list are dropped. An unknown template version renders nothing rather than guessing.
 */
export function renderPart(templateVersion: string, part: Uc452Part, fields: unknown): { title: string; fields: RenderedField[]; known: boolean } {
  const template = UC452_TEMPLATES[templateVersion];
  const values = typeof fields === "object" && fields !== null && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  const fallbackTitle = UC452_TEMPLATES[CURRENT_UC452_TEMPLATE].parts[part].title;
  if (!template) return { title: fallbackTitle, fields: [], known: false };
  const templatePart = template.parts[part];
  return {
    title: templatePart.title,
    known: true,
    fields: templatePart.fields.map((field) => ({ key: field.key, label: field.label, value: formatValue(field, values[field.key]) })),
  };
}

/** Only the template's keys of a stored part (what a sent email's snapshot keeps). */
export function templateFieldsOf(templateVersion: string, part: Uc452Part, fields: unknown): Record<string, string | number | boolean | null> {
  const template = UC452_TEMPLATES[templateVersion];
  const values = typeof fields === "object" && fields !== null && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  const kept: Record<string, string | number | boolean | null> = {};
  for (const field of template?.parts[part].fields ?? []) {
    const raw = values[field.key];
    kept[field.key] = typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? raw : null;
  }
  return kept;
}
