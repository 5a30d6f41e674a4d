import { INBOX_LABELS, renderPart, UC452_TEMPLATES, type EmailedPart, type Inbox } from "./template";

/**
 * The UC452 email for ONE part to ONE inbox, as an RFC 5322 message (.eml) the caseworker opens
 * in the provider's mail client and sends (13.21, 13.22: one form per email, to the UC Service
 * Centre inbox and the SES Policy inbox). Building it changes nothing; recording that it was sent
 * is a separate, audited step.
 *
 * It must be sent through the provider's secure email route (its organisational mail system with
 * the controls its contract requires) — never a personal account or webmail. The guidance lets
 * the DWP inboxes receive it unencrypted (13.21), which is why the body carries only what the
 * UC452 form itself holds: the identifiers from parts 1–4 and the template's fields for the part.
 * No address, telephone number, UCPR1 content or notes; part 7 never carries a reason (13.31).
 */

export interface Uc452EmailInput {
  part: EmailedPart;
  inbox: Inbox;
  /** The inbox's address (Organisation.ucServiceCentreEmail / sesPolicyEmail). */
  to: string;
  /** The provider's contact email, if recorded, and its name. */
  from: { name: string; address: string | null };
  caseReference: string;
  templateVersion: string;
  /** What parts 1–4 identify the claimant and referral by. */
  identification: {
    claimantName: string;
    nino: string | null;
    referralId: string | null;
    purchaseOrderNumber: string | null;
  };
  /** The stored part's fields (Uc452Form.fields); only the template's keys are used. */
  fields: unknown;
  /** When the message was built (the Date header). */
  now: Date;
  /** Part 6 amended after it was first sent (13.21): why, and the version this email carries. */
  amendmentReason?: string | null;
  formVersion?: number;
}

export interface Uc452Email {
  filename: string;
  subject: string;
  /** The whole message, CRLF line endings. */
  message: string;
}

const CRLF = "\r\n";

/** A header value on one line: CR, LF and every other control or line-separator character go. */
export function headerValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** RFC 2047 encoded-word for non-ASCII header text; ASCII passes through. */
function encodeWord(value: string): string {
  if (/^[\u0020-\u007e]*$/.test(value)) return value;
  return `=?UTF-8?B?${btoa(String.fromCharCode(...new TextEncoder().encode(value)))}?=`;
}

const EMAIL_ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

function address(value: string): string {
  const clean = headerValue(value);
  if (!EMAIL_ADDRESS.test(clean)) throw new RangeError("Not an email address");
  return clean;
}

function mailbox(name: string, email: string): string {
  const display = headerValue(name);
  if (display === "") return address(email);
  const quoted = /^[\u0020-\u007e]*$/.test(display) ? `"${display.replace(/(["\\])/g, "\\$1")}"` : encodeWord(display);
  return `${quoted} <${address(email)}>`;
}

/** Body text on its own lines: any CR, LF or separator inside a value becomes a space. */
function bodyText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]+/g, " ").trim();
}

const PART_NUMBER: Record<EmailedPart, string> = { part_6: "6", part_7: "7", part_8a: "8a", part_8b: "8b" };
const PART_OUTCOME: Record<EmailedPart, string> = { part_6: "recommended", part_7: "not recommended", part_8a: "early leaver", part_8b: "completed" };

/** Text for HTML: the five characters that could end an element or an attribute are escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The boundary between the plain-text and the HTML version: never found in either. */
const BOUNDARY = "=_uc452_form_boundary_7f3a";

export function uc452EmailFilename(caseReference: string, part: EmailedPart, inbox: Inbox): string {
  return `UC452-${caseReference}-part-${PART_NUMBER[part]}-${inbox}.eml`.replace(/[^A-Za-z0-9_.-]/g, "_");
}

export function buildUc452Email(input: Uc452EmailInput): Uc452Email {
  const rendered = renderPart(input.templateVersion, input.part, input.fields);
  if (!rendered.known) throw new RangeError(`Unknown UC452 template ${input.templateVersion}`);
  const template = UC452_TEMPLATES[input.templateVersion];
  const id = input.identification;
  const subject = headerValue(
    `UC452 Claimant Tracker part ${PART_NUMBER[input.part]} (${PART_OUTCOME[input.part]}) - ${input.caseReference}` +
      (id.referralId ? ` - PRaP referral ${id.referralId}` : ""),
  );
  const headers = [
    ...(input.from.address ? [`From: ${mailbox(input.from.name, input.from.address)}`] : []),
    `To: ${mailbox(INBOX_LABELS[input.inbox], input.to)}`,
    `Subject: ${encodeWord(subject)}`,
    `Date: ${input.now.toUTCString().replace(/GMT$/, "+0000")}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    // Opens as a draft in Outlook, to be sent from the provider's own mailbox.
    "X-Unsent: 1",
  ];
  const lines = [
    `UC452 Claimant Tracker – ${rendered.title}`,
    `Template version: ${template.version}`,
    `Provider case reference: ${input.caseReference}`,
    "",
    "Claimant and referral (parts 1 to 4)",
    `Name: ${id.claimantName}`,
    ...(id.nino ? [`National Insurance number: ${id.nino}`] : []),
    ...(id.referralId ? [`PRaP referral ID: ${id.referralId}`] : []),
    ...(id.purchaseOrderNumber ? [`Purchase order number: ${id.purchaseOrderNumber}`] : []),
    "",
    rendered.title,
    ...rendered.fields.map((field) => `${field.label}: ${field.value}`),
    "",
    ...(input.amendmentReason ? [`Amended version ${input.formVersion ?? ""}: ${input.amendmentReason}`.replace(/ +:/, ":")] : []),
    "This email carries one UC452 form (13.21, 13.22).",
  ].map(bodyText);
  const html = uc452FormHtml(input, rendered.title, template.version);
  const body = [
    `--${BOUNDARY}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    ...lines,
    `--${BOUNDARY}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    ...html,
    `--${BOUNDARY}--`,
  ];
  return {
    filename: uc452EmailFilename(input.caseReference, input.part, input.inbox),
    subject,
    message: `${headers.map(headerValueLine).join(CRLF)}${CRLF}${CRLF}${body.join(CRLF)}${CRLF}`,
  };
}

/**
 * The form itself, as the printable UC452 (Annex 7): the identifiers parts 1 to 4 carry and the
 * completed part as a table of its template's boxes (13.21: "complete the Claimant Tracker
 * document UC452… return the UC452 by email"). One element per line, every value escaped.
 */
export function uc452FormHtml(input: Uc452EmailInput, partTitle: string, templateVersion: string): string[] {
  const rendered = renderPart(input.templateVersion, input.part, input.fields);
  const id = input.identification;
  const row = (label: string, value: string) => `<tr><th scope="row" style="text-align:left;border:1px solid #0b0c0c;padding:4px 8px">${escapeHtml(bodyText(label))}</th><td style="border:1px solid #0b0c0c;padding:4px 8px">${escapeHtml(bodyText(value))}</td></tr>`;
  const table = (caption: string, rows: string[]) => [
    `<table style="border-collapse:collapse;margin-bottom:16px;min-width:60%">`,
    `<caption style="text-align:left;font-weight:bold;padding:4px 0">${escapeHtml(bodyText(caption))}</caption>`,
    ...rows,
    "</table>",
  ];
  return [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(bodyText(`UC452 Claimant Tracker - ${partTitle} - ${input.caseReference}`))}</title></head>`,
    `<body style="font-family:Arial,sans-serif;color:#0b0c0c">`,
    "<h1 style=\"font-size:20px\">UC452 Claimant Tracker</h1>",
    `<p>Template version ${escapeHtml(templateVersion)}. Provider case reference ${escapeHtml(bodyText(input.caseReference))}.</p>`,
    ...table("Claimant and referral (parts 1 to 4)", [
      row("Name", id.claimantName),
      ...(id.nino ? [row("National Insurance number", id.nino)] : []),
      ...(id.referralId ? [row("PRaP referral ID", id.referralId)] : []),
      ...(id.purchaseOrderNumber ? [row("Purchase order number", id.purchaseOrderNumber)] : []),
    ]),
    ...table(partTitle, rendered.fields.map((field) => row(field.label, field.value))),
    ...(input.amendmentReason ? [`<p><strong>Amended version${input.formVersion ? ` ${input.formVersion}` : ""}:</strong> ${escapeHtml(bodyText(input.amendmentReason))}</p>`] : []),
    "<p>This email carries one UC452 form (13.21, 13.22).</p>",
    "</body></html>",
  ];
}

/** Last guard: a header line never contains a line break. */
function headerValueLine(line: string): string {
  return line.replace(/[\r\n]+/g, " ");
}
