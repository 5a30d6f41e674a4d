import { InsetText } from "@/components/content/InsetText";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { recordSroIntroductionAction } from "./actions";
import { SroIntroductionForm } from "./SroIntroductionForm";

export default async function NewSroIntroductionPage() {
  const user = await requireUser("create:referral:any");
  const sites = await loadSiteOptions(user);
  const defaultSiteId = sites.some((site) => site.id === user.siteId) ? (user.siteId ?? "") : "";
  return (
    <SroIntroductionForm
      action={recordSroIntroductionAction}
      sites={sites}
      defaults={{ siteId: defaultSiteId, today: todayInLondon(new Date()) }}
      intro={
        <>
          <p className="govuk-body">
            A Statutory Referral Organisation phones to introduce someone and agrees an interview with them. Complete SESSRO1 Parts 1
            and 2 during the call (13.42, 3.21).
          </p>
          <InsetText>
            The person is introduced, not referred, until you confirm at the first meeting that they are eligible and suitable
            (13.44, 3.23). Jobcentre Plus makes the PRaP referral after that.
          </InsetText>
        </>
      }
    />
  );
}
