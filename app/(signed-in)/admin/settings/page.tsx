import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryCard } from "@/components/content/SummaryCard";
import { SummaryList } from "@/components/content/SummaryList";
import { Tag } from "@/components/content/Tag";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { PRAP_REASON_LABELS, REASON_KIND_LABELS, SITE_CONTACT_ROLE_LABELS } from "@/lib/domain/forms/settings-forms";
import { loadSettingsPage } from "@/lib/server/settings/load-settings-page";

const BANNERS: Record<string, string> = {
  setting: "Setting saved. Due dates were recomputed.",
  provider: "Contact details saved.",
  reason: "Reason list saved.",
};

const notRecorded = "Not recorded";

/** Settings and contacts (docs/rules/reasons-and-settings.md): every setting, the provider's contacts, site contacts and reason lists. */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:settings:any");
  const overview = await loadSettingsPage(user);
  const { updated } = await searchParams;
  return (
    <>
      {updated && BANNERS[updated] && <NotificationBanner type="success" title="Success">{BANNERS[updated]}</NotificationBanner>}
      <PageHeading>Settings and contacts</PageHeading>

      <h2 className="govuk-heading-l" id="settings">Settings</h2>
      <p className="govuk-body">Each change is recorded with its before and after values. Changing a setting recomputes every case’s due dates.</p>
      <SummaryList
        rows={overview.settings.map((setting) => ({
          key: setting.label,
          value: setting.display,
          actions: [{ href: `/admin/settings/${encodeURIComponent(setting.key)}`, label: "Change", visuallyHiddenText: setting.label }],
        }))}
      />

      <h2 className="govuk-heading-l" id="provider">Provider contact details and DWP inboxes</h2>
      <SummaryCard
        title="Provider and inboxes"
        actions={[{ href: "/admin/settings/provider", label: "Change" }]}
        rows={[
          { key: "Telephone (UC452 part 7)", value: overview.provider.contactPhone ?? notRecorded },
          { key: "Email (UC452 part 7)", value: overview.provider.contactEmail ?? notRecorded },
          { key: "UC Service Centre inbox", value: overview.provider.ucServiceCentreEmail ?? notRecorded },
          { key: "SES Policy inbox", value: overview.provider.sesPolicyEmail ?? notRecorded },
        ]}
      />

      <h2 className="govuk-heading-l" id="site-contacts">JCP SPoC and DEA/Work Coach contacts by site</h2>
      {overview.sites.map((site) => (
        <SummaryCard
          key={site.id}
          title={site.active ? site.name : `${site.name} (closed)`}
          headingLevel={3}
          actions={[{ href: `/admin/settings/sites/${site.id}`, label: "Change contacts" }]}
          rows={
            site.contacts.length === 0
              ? [{ key: "Contacts", value: "None recorded" }]
              : site.contacts.map((contact) => ({
                  key: SITE_CONTACT_ROLE_LABELS[contact.role],
                  value: [contact.name, contact.organisation, contact.phone, contact.email].filter(Boolean).join(", "),
                }))
          }
        />
      ))}

      <h2 className="govuk-heading-l" id="reasons">Reason lists</h2>
      {overview.reasons.map((list) => (
        <SummaryCard
          key={list.kind}
          title={REASON_KIND_LABELS[list.kind]}
          headingLevel={3}
          actions={[{ href: `/admin/settings/reasons/${list.kind}`, label: "Add a reason" }]}
          rows={list.entries.map((entry) => ({
            key: entry.label,
            value: (
              <>
                {entry.prapLabel ? `PRaP: ${PRAP_REASON_LABELS[entry.prapLabel as keyof typeof PRAP_REASON_LABELS] ?? entry.prapLabel}` : "Not recorded in PRaP"}{" "}
                {!entry.active && <Tag text="Retired" colour="grey" />}
              </>
            ),
            actions: [{ href: `/admin/settings/reasons/${list.kind}/${entry.id}`, label: "Change", visuallyHiddenText: entry.label }],
          }))}
        />
      ))}
    </>
  );
}
