"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While background work is pending (a file being prepared, an import committed by its job),
 * refreshes the page's server-rendered data every few seconds: progress without a click. Without
 * JavaScript the page's own Refresh link does the same. The page puts the progress text in a
 * polite live region, so a screen reader hears the change. Render it only while work is pending.
 */
export function AutoRefresh({ seconds = 3 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}
