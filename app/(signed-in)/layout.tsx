import type { ReactNode } from "react";
import { ServiceFooter } from "@/components/layout/ServiceFooter";
import { ServiceHeader } from "@/components/layout/ServiceHeader";
import { SessionTimeoutWarning } from "@/components/layout/SessionTimeoutWarning";
import { IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";
import { staySignedInAction } from "./account/actions";
import { currentPath } from "@/lib/auth/current-path";
import { getUnreadNotificationCount, requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/domain/navigation";

/**
 * The signed-in shell. It checks the session for the navigation it draws, but every page below
 * checks again for itself: layouts and pages render independently in the App Router.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const path = await currentPath();
  const unread = navigationFor(user.roles).some((item) => item.href === "/notifications") ? await getUnreadNotificationCount() : 0;
  const navigation = navigationFor(user.roles).map((item) => ({
    ...item,
    // The unread reminder digests, in words (no colour-only badge).
    label: item.href === "/notifications" && unread > 0 ? `${item.label} (${unread} unread)` : item.label,
    current: item.href === "/" ? path === "/" : path === item.href || path.startsWith(`${item.href}/`),
  }));
  return (
    <>
      <ServiceHeader navigation={navigation} userName={user.name} signOutAction="/sign-out" accountHref="/account" />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <ServiceFooter />
      <SessionTimeoutWarning idleSeconds={IDLE_TIMEOUT_SECONDS} staySignedIn={staySignedInAction} signOutAction="/sign-out" />
    </>
  );
}
