"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";

interface SessionTimeoutWarningProps {
  /** The idle limit of a session (lib/auth/session-policy.ts IDLE_TIMEOUT_SECONDS). */
  idleSeconds: number;
  /** How long before the limit the warning opens. */
  warningSeconds?: number;
  /** Any request to the app rolls the session on; this one does nothing else. */
  staySignedIn: (previous: undefined, formData: FormData) => Promise<unknown>;
  /** Where the sign-out button posts. */
  signOutAction: string;
}

function spoken(seconds: number): string {
  if (seconds > 60) return `${Math.ceil(seconds / 60)} minutes`;
  if (seconds === 60) return "1 minute";
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** What the live region says: only at a few moments, so a screen reader is not talked over every second. */
function announcement(seconds: number): string {
  if (seconds > 60) return "You will be signed out in 2 minutes.";
  if (seconds > 30) return "You will be signed out in 1 minute.";
  return "You will be signed out in 30 seconds.";
}

/**
 * The session timeout warning (docs/security.md SE-03; WCAG 2.2.1 Timing Adjustable), in the HMRC
 * and GOV.UK timeout-dialog pattern: two minutes before the idle limit a modal dialog says when
 * the user will be signed out and offers "Stay signed in", which asks the server (rolling the
 * session cookie, proxy.ts) and closes the dialog — as often as needed, with no page reload.
 * The native <dialog> traps focus and returns it; Escape also means "stay signed in". Reaching
 * the limit takes the user to the sign-in page, which comes back here afterwards.
 */
export function SessionTimeoutWarning({ idleSeconds, warningSeconds = 120, staySignedIn, signOutAction }: SessionTimeoutWarningProps) {
  const pathname = usePathname();
  const [deadline, setDeadline] = useState(() => Date.now() + idleSeconds * 1000);
  const [remaining, setRemaining] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const bodyId = useId();

  // A new page is a new request: the server rolled the session on. The first page's deadline is
  // the one taken when it rendered: resetting it again when the effects run would move it by as long
  // as the scripts took, and close a warning a slow first render had already opened.
  const shownPathname = useRef(pathname);
  useEffect(() => {
    if (shownPathname.current === pathname) return;
    shownPathname.current = pathname;
    setDeadline(Date.now() + idleSeconds * 1000);
  }, [pathname, idleSeconds]);

  useEffect(() => {
    const tick = () => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left <= 0) {
        const here = `${window.location.pathname}${window.location.search}`;
        window.location.assign(`/sign-in?timedOut=1&callbackUrl=${encodeURIComponent(here)}`);
        return;
      }
      setRemaining(left <= warningSeconds ? left : null);
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, warningSeconds]);

  const open = remaining !== null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      returnFocusTo.current?.focus();
    }
  }, [open]);

  const stay = useCallback(async () => {
    await staySignedIn(undefined, new FormData());
    setDeadline(Date.now() + idleSeconds * 1000);
    setRemaining(null);
  }, [staySignedIn, idleSeconds]);

  return (
    <dialog
      ref={dialog}
      className="ses-timeout-dialog"
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        void stay();
      }}
    >
      <h2 id={headingId} className="govuk-heading-m">
        You’re about to be signed out
      </h2>
      <p id={bodyId} className="govuk-body">
        For your security, we will sign you out in <strong>{remaining !== null ? spoken(remaining) : spoken(warningSeconds)}</strong>. Anything you
        have not saved will be lost.
      </p>
      <p className="govuk-visually-hidden" aria-live="polite">
        {remaining !== null ? announcement(remaining) : ""}
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void stay()}>
          Stay signed in
        </button>
        <form method="post" action={signOutAction}>
          <button type="submit" className="ses-link-button govuk-link">
            Sign out
          </button>
        </form>
      </div>
    </dialog>
  );
}
