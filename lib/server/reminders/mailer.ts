import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

/**
 * E-mail through SMTP_URL (for example smtp://relay.internal:25) with nodemailer; null when it is
 * not set, and then reminders are in-app only. Plain text only, and nothing personal in it
 * (lib/domain/reminders/digest.ts).
 */
export function createMailer(env: Record<string, string | undefined> = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  const from = env.SMTP_FROM?.trim() || "SES Casework <no-reply@ses-casework.invalid>";
  return {
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}
