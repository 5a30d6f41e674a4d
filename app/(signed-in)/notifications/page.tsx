import { EmptyState } from "@/components/content/EmptyState";
import { Tag } from "@/components/content/Tag";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar";
import { loadNotificationsPage } from "@/lib/server/notifications/load-notifications-page";
import { markNotificationReadAction } from "./actions";
import { MarkNotificationReadForm } from "./MarkNotificationReadForm";

/**
 * The person's daily reminder digests (docs/decisions/0022-background-jobs.md): each working
 * morning from 08:00, their cases with a clock overdue, due today or due soon, and for managers
 * the unassigned cases waiting and projected start breaches (13.13).
 */
export default async function NotificationsPage() {
  const user = await requireUser("read:case:any");
  const { notifications, caseLinks } = await loadNotificationsPage(user);
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <p className="govuk-body">Your reminders arrive here each working morning from 8am, and by email when your organisation has set email up.</p>
      {notifications.length === 0 ? (
        <EmptyState>You have no reminders.</EmptyState>
      ) : (
        notifications.map((notification) => (
          <section key={notification.id} className="govuk-summary-card" aria-labelledby={`notification-${notification.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`notification-${notification.id}`}>
                Reminders for {formatLongDate(notification.day)} {notification.read ? null : <Tag colour="blue" text="Unread" />}
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body">{notification.summary}</p>
              {notification.sections.map((section) => (
                <div key={section.key}>
                  <h3 className="govuk-heading-s">
                    {section.heading} ({section.total})
                  </h3>
                  <ul className="govuk-list govuk-list--bullet">
                    {section.cases.map((row) => (
                      <li key={row.reference}>
                        {caseLinks[row.reference] ? (
                          <a className="govuk-link" href={`/cases/${caseLinks[row.reference]}`}>
                            {row.reference}
                          </a>
                        ) : (
                          row.reference
                        )}
                        {row.dueOn ? `, due ${formatLongDate(row.dueOn)}` : null}
                      </li>
                    ))}
                    {section.total > section.cases.length && <li>and {section.total - section.cases.length} more</li>}
                  </ul>
                </div>
              ))}
              {!notification.read && <MarkNotificationReadForm action={markNotificationReadAction} notificationId={notification.id} day={formatLongDate(notification.day)} />}
            </div>
          </section>
        ))
      )}
    </>
  );
}
