import { randomUUID } from "node:crypto";
import { InsetText } from "@/components/content/InsetText";
import { requireUser } from "@/lib/auth/current-user";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { createScrCaseAction } from "../actions";
import { ScrCaseForm } from "./ScrCaseForm";

/** Nominated officers only (13.77, 3.43): for anyone else this page does not exist (404). */
export default async function NewScrCasePage() {
  const user = await requireUser("update:restricted-case:any");
  const sites = await loadSiteOptions(user);
  const defaultSiteId = sites.some((site) => site.id === user.siteId) ? (user.siteId ?? "") : "";
  return (
    <ScrCaseForm
      action={createScrCaseAction}
      sites={sites}
      defaults={{ siteId: defaultSiteId, submissionId: randomUUID() }}
      intro={
        <>
          <p className="govuk-body">
            JCP completes page 1 of the SL2 and sends the whole form to you, the nominated officer (13.54, 3.31). There is
            nothing to acknowledge or accept in PRaP (13.53, 3.31).
          </p>
          <InsetText>Only nominated officers can see this case. Keep the paper SL2 stored securely (13.78, 3.44).</InsetText>
        </>
      }
    />
  );
}
