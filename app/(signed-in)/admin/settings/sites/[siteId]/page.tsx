import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryCard } from "@/components/content/SummaryCard";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionsScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { SITE_CONTACT_ROLE_LABELS } from "@/lib/domain/forms/settings-forms";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";
import { addSiteContactAction, removeSiteContactAction } from "../../actions";
import { AddSiteContactForm, RemoveSiteContactForm } from "../../SettingsForms";

/** A site's JCP SPoC and DEA/Work Coach contacts (13.14, 13.67, 3.05). */
export default async function SiteContactsPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:settings:any");
  const { siteId } = await params;
  const { updated } = await searchParams;
  const { sites } = await loadSettingsPage(user);
  const site = sites.find((candidate) => candidate.id === siteId);
  if (!site) notFound();
  return (
    <>
      <BackLink href="/admin/settings#site-contacts" />
      {updated && <NotificationBanner type="success" title="Success">{updated === "removed" ? "Contact removed." : "Contact added."}</NotificationBanner>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {/* The add form's state is the page's (the remove buttons, one per contact, keep their own), so the title starts "Error: " while it shows errors (UX-03). */}
          <FormActionsScope actions={{ add: addSiteContactAction }}>
          <FormHeading caption={site.name} title={`Contacts for ${site.name}`}>
            Site contacts
          </FormHeading>
          {site.contacts.length === 0 && <p className="govuk-body">No contact recorded yet.</p>}
          {site.contacts.map((contact) => (
            <div key={contact.id}>
              <SummaryCard
                title={`${SITE_CONTACT_ROLE_LABELS[contact.role]}: ${contact.name}`}
                headingLevel={2}
                rows={[
                  { key: "Jobcentre or office", value: contact.organisation ?? "Not recorded" },
                  { key: "Telephone", value: contact.phone ?? "Not recorded" },
                  { key: "Email", value: contact.email ?? "Not recorded" },
                ]}
              />
              <RemoveSiteContactForm action={removeSiteContactAction} siteId={site.id} contactId={contact.id} />
            </div>
          ))}
          <h2 className="govuk-heading-m">Add a contact</h2>
          <AddSiteContactForm action={addSiteContactAction} siteId={site.id} />
          </FormActionsScope>
        </div>
      </div>
    </>
  );
}
