import type { CurrentUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { can } from "@/lib/domain/permissions";
import type { Sessro1View } from "@/lib/server/sro/get-sessro1-view";
import { Sessro1Summary } from "./sro/Sessro1Summary";

function NextStep({ form, canWork }: { form: Sessro1View; canWork: boolean }) {
  const base = `/cases/${form.caseId}/sro`;
  const link = (href: string, text: string) =>
    canWork ? (
      <a className="govuk-link" href={href}>
        {text}
      </a>
    ) : (
      text
    );
  switch (form.state) {
    case "introduced":
      return (
        <p className="govuk-body">
          Introduced, not referred (13.44, 3.23). Next: {link(`${base}/first-meeting`, "record the first meeting")} to complete SESSRO1 and establish
          eligibility and suitability.
        </p>
      );
    case "introduction_accepted":
      return form.securePost.length === 0 ? (
        <p className="govuk-body">
          Accepted (13.47, 3.25). Next: <a className="govuk-link" href={`${base}/print`}>print the SESSRO1</a> for their signature, then{" "}
          {link(`${base}/sent`, "record the SESSRO1 signed and sent")} to the JCP SPoC by secure post (13.48, 3.26).
        </p>
      ) : (
        <p className="govuk-body">
          Sent to the JCP SPoC.{" "}
          {form.jcpReceiptOn ? (
            <>JCP confirmed it received the SESSRO1 on {formatLongDate(form.jcpReceiptOn)}. </>
          ) : (
            <>When JCP tells you it has the form, {link(`${base}/jcp-receipt`, "record JCP’s receipt of the SESSRO1")}. </>
          )}
          Next: when Jobcentre Plus makes the PRaP referral, {link(`${base}/jcp-referral`, "record JCP’s PRaP referral")} (13.49, 3.27).
        </p>
      );
    case "provision_full":
      return <p className="govuk-body">Closed: the provision was full and the SRO was told (13.47, 3.25).</p>;
    case "not_eligible":
      return (
        <p className="govuk-body">
          Closed: not eligible or not suitable. The form, with the Part 4 reason, is kept for inspection by the DWP Performance Manager (13.51, 3.29).
        </p>
      );
    default:
      return <p className="govuk-body">JCP’s PRaP referral has arrived: the case follows the normal referral steps (13.49, 3.27).</p>;
  }
}

/** The SESSRO1 of an SRO introduction (13.40–13.51, 3.19–3.29): its parts and the next step for its state. */
export function SroSection({ form, user }: { form: Sessro1View; user: Pick<CurrentUser, "roles"> }) {
  return (
    <section aria-labelledby="sessro1" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="sessro1">
        SESSRO1 (SRO introduction)
      </h2>
      <NextStep form={form} canWork={can(user.roles, "update:case:any")} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/cases/${form.caseId}/sro/print`}>
          Print view of the SESSRO1
        </a>
      </p>
      <Sessro1Summary form={form} />
    </section>
  );
}
