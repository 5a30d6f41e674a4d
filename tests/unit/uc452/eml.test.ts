import { describe, expect, it } from "vitest";
import { buildUc452Email, headerValue, type Uc452EmailInput } from "../../../lib/domain/uc452/eml";
import { renderPart, templateFieldsOf } from "../../../lib/domain/uc452/template";

const base: Uc452EmailInput = {
  part: "part_6",
  inbox: "uc_service_centre",
  to: "uc-service-centre@dwp.example.test",
  from: { name: "Northgate Employment Partnership", address: "referrals@northgate.example" },
  caseReference: "SES-000123",
  templateVersion: "uc452-2016",
  identification: { claimantName: "Mr Tomasz Nowicki", nino: "QQ123456C", referralId: "R-200123456", purchaseOrderNumber: "200123456" },
  fields: { strand: "sesmp", anticipatedStartOn: "2026-12-07", anticipatedEndOn: "2027-06-11" },
  now: new Date("2026-11-24T10:15:00Z"),
};

function split(message: string) {
  const [head, ...rest] = message.split("\r\n\r\n");
  return { headers: head.split("\r\n"), body: rest.join("\r\n\r\n") };
}

describe("the UC452 .eml builder (13.21, 13.22)", () => {
  // Changed on purpose: the message now carries the form itself as HTML, next to the
  // plain-text version, so the Content-Type is multipart/alternative (13.21).
  it("writes the headers of a draft to the one inbox, the form as HTML beside plain text (13.21)", () => {
    const email = buildUc452Email(base);
    const { headers } = split(email.message);
    expect(headers).toEqual([
      'From: "Northgate Employment Partnership" <referrals@northgate.example>',
      'To: "Universal Credit Service Centre inbox" <uc-service-centre@dwp.example.test>',
      "Subject: UC452 Claimant Tracker part 6 (recommended) - SES-000123 - PRaP referral R-200123456",
      "Date: Tue, 24 Nov 2026 10:15:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="=_uc452_form_boundary_7f3a"',
      "X-Unsent: 1",
    ]);
    expect(email.filename).toBe("UC452-SES-000123-part-6-uc_service_centre.eml");
  });

  it("encodes non-ASCII header text as an RFC 2047 word", () => {
    const email = buildUc452Email({ ...base, from: { name: "Gwaith Ŵyr Cymru", address: "referrals@northgate.example" } });
    const fromLine = split(email.message).headers.find((line) => line.startsWith("From: "))!;
    const match = /^From: =\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?= <referrals@northgate\.example>$/.exec(fromLine);
    expect(match).not.toBeNull();
    expect(new TextDecoder().decode(Uint8Array.from(atob(match![1]), (c) => c.charCodeAt(0)))).toBe("Gwaith Ŵyr Cymru");
  });

  it("carries the completed part as the printable form: an HTML table of its boxes (13.21)", () => {
    const { body } = split(buildUc452Email(base).message);
    expect(body).toContain("Content-Type: text/html; charset=utf-8");
    expect(body).toContain("<h1 style=\"font-size:20px\">UC452 Claimant Tracker</h1>");
    expect(body).toMatch(/<caption[^>]*>Part 6: recommended<\/caption>/);
    expect(body).toMatch(/<th scope="row"[^>]*>Strand<\/th><td[^>]*>SES Main Provision \(SESMP\)<\/td>/);
    expect(body).toMatch(/<th scope="row"[^>]*>National Insurance number<\/th><td[^>]*>QQ123456C<\/td>/);
  });

  it("escapes every value in the HTML form, so no data can add markup", () => {
    const { body } = split(buildUc452Email({ ...base, identification: { ...base.identification, claimantName: "Mr <script>alert(1)</script> O'Neil" } }).message);
    const html = body.slice(body.indexOf("Content-Type: text/html"));
    expect(html).not.toContain("<script>");
    expect(body).toContain("Mr &#60;script&#62;alert(1)&#60;/script&#62; O&#39;Neil");
  });

  it("emails part 8a at exit to the UC Service Centre, with the leaving date and reason (13.21 note, 13.36)", () => {
    const email = buildUc452Email({ ...base, part: "part_8a", fields: { leavingOn: "2027-02-03", reason: "Found work" } });
    expect(email.subject).toBe("UC452 Claimant Tracker part 8a (early leaver) - SES-000123 - PRaP referral R-200123456");
    expect(email.filename).toBe("UC452-SES-000123-part-8a-uc_service_centre.eml");
    expect(email.message).toMatch(/<th scope="row"[^>]*>Early leaving date<\/th><td[^>]*>Wednesday 3 February 2027<\/td>/);
    expect(email.message).toContain("Reason for leaving: Found work");
  });

  it("says which amended version of part 6 it carries, and why (13.21)", () => {
    const email = buildUc452Email({ ...base, amendmentReason: "Start date moved by the claimant", formVersion: 2 });
    expect(email.message).toContain("Amended version 2: Start date moved by the claimant");
    expect(email.message).toContain("<strong>Amended version 2:</strong> Start date moved by the claimant");
  });

  it("uses CRLF line endings only", () => {
    const { message } = buildUc452Email(base);
    expect(message.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(message.endsWith("\r\n")).toBe(true);
  });

  it("carries one form: this part's fields and the identifiers, nothing from other parts", () => {
    const { body } = split(buildUc452Email(base).message);
    expect(body).toContain("Part 6: recommended");
    expect(body).toContain("Strand: SES Main Provision (SESMP)");
    expect(body).toContain("Anticipated start date: Monday 7 December 2026");
    expect(body).toContain("National Insurance number: QQ123456C");
    expect(body).not.toMatch(/Part 7|Part 8|Parts 1 to 4:/);
    expect(body.match(/^Part \d/gm)).toEqual(["Part 6"]);
  });

  it("never puts a reason into part 7: only the template's provider contact fields (13.31)", () => {
    const email = buildUc452Email({
      ...base,
      part: "part_7",
      inbox: "ses_policy",
      to: "ses-policy@dwp.example.test",
      fields: { providerName: "Northgate", providerPhone: "0113 496 0500", providerEmail: "a@b.example", reason: "Diagnosed with a condition" },
    });
    expect(email.message).toContain("Provider telephone: 0113 496 0500");
    expect(email.message).not.toContain("Diagnosed");
    expect(templateFieldsOf("uc452-2016", "part_7", { reason: "x", providerName: "N" })).toEqual({ providerName: "N", providerPhone: null, providerEmail: null });
  });

  it("lets no data inject a header: CR and LF in values become spaces", () => {
    const email = buildUc452Email({
      ...base,
      caseReference: "SES-1\r\nBcc: attacker@evil.example",
      from: { name: 'Evil"\r\nBcc: x@evil.example', address: "referrals@northgate.example" },
      identification: { ...base.identification, referralId: "R-1\nX-Injected: yes", claimantName: "A\r\n\r\nFake body" },
    });
    const { headers, body } = split(email.message);
    expect(headers.some((line) => /^(Bcc|X-Injected):/i.test(line))).toBe(false);
    // 7 since the form became multipart (one Content-Type line, no top-level transfer encoding).
    expect(headers).toHaveLength(7);
    expect(body).toContain("Name: A Fake body");
    expect(headerValue("a\r\nb\u2028c\u0000d")).toBe("a b c d");
  });

  it("refuses an inbox address that is not one address", () => {
    expect(() => buildUc452Email({ ...base, to: "a@b.example, c@d.example" })).toThrow(RangeError);
  });

  it("renders nothing for a template version it does not know, rather than guessing", () => {
    expect(renderPart("uc452-2099", "part_6", { strand: "sesmp" })).toMatchObject({ known: false, fields: [] });
    expect(() => buildUc452Email({ ...base, templateVersion: "uc452-2099" })).toThrow(RangeError);
  });
});
