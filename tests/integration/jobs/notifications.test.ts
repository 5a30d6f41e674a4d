import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnreadNotifications, listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationRead, NOTIFICATION_READ_ACTION } from "@/lib/server/notifications/mark-notification-read";
import { UseCaseError } from "@/lib/server/use-case-error";
import { sendDailyReminders } from "@/lib/server/reminders/send-daily-reminders";
import { createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { caseDueOn, jobContext, TODAY } from "./support/job-fixtures";

/** The in-app side of the reminders: the notifications page's list, the header's unread count, mark as read. */
let db: TestDatabase;
let provider: Provider;

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
  await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.caseworker });
  await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.officer });
  await sendDailyReminders({}, jobContext(db.prisma));
});
afterAll(async () => {
  await db.close();
});

describe("notifications (the in-app reminder digest)", () => {
  it("lists a person's own digests only and counts the unread ones for the header", async () => {
    const mine = await listNotifications(db.prisma, provider.actors.caseworker);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ day: TODAY, read: false });
    expect(await countUnreadNotifications(db.prisma, provider.actors.caseworker)).toBe(1);
    const officers = await listNotifications(db.prisma, provider.actors.officer);
    expect(officers.map((n) => n.id)).not.toContain(mine[0].id);
  });

  it("marks one read once, audited, and refuses someone else's as not found (AC-05)", async () => {
    const [mine] = await listNotifications(db.prisma, provider.actors.caseworker);
    await expect(markNotificationRead(db.prisma, provider.actors.officer, { notificationId: mine.id }, new Date())).rejects.toMatchObject(
      new UseCaseError("NOT_FOUND", "That record could not be found."),
    );
    expect(await markNotificationRead(db.prisma, provider.actors.caseworker, { notificationId: mine.id }, new Date())).toEqual({ changed: true });
    expect(await markNotificationRead(db.prisma, provider.actors.caseworker, { notificationId: mine.id }, new Date())).toEqual({ changed: false });
    expect(await countUnreadNotifications(db.prisma, provider.actors.caseworker)).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: NOTIFICATION_READ_ACTION, entityId: mine.id } })).toBe(1);
  });
});
