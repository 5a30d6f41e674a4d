import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markNotificationRead, NOTIFICATION_READ_ACTION } from "@/lib/server/notifications/mark-notification-read";
import { UseCaseError } from "@/lib/server/use-case-error";
import { sendDailyReminders } from "@/lib/server/reminders/send-daily-reminders";
import { findSessionAccess } from "@/lib/server/users/find-session-user";
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

/** The header's count, as the signed-in layout reads it: with the session's user (lib/auth/current-user.ts). */
async function unreadInHeader(user: { id: string; sessionVersion: number }): Promise<number | undefined> {
  return (await findSessionAccess(db.prisma, user.id, user.sessionVersion, true))?.unreadNotifications;
}

describe("notifications (the in-app reminder digest)", () => {
  it("lists a person's own digests only and counts the unread ones for the header", async () => {
    const mine = await listNotifications(db.prisma, provider.actors.caseworker);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ day: TODAY, read: false });
    expect(await unreadInHeader(provider.users.caseworker)).toBe(1);
    expect(await unreadInHeader(provider.users.manager)).toBe(0);
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
    expect(await unreadInHeader(provider.users.caseworker)).toBe(0);
    expect(await unreadInHeader(provider.users.officer)).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: NOTIFICATION_READ_ACTION, entityId: mine.id } })).toBe(1);
  });
});
