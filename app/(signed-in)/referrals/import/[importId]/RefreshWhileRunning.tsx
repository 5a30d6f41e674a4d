"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * With JavaScript, reloads the server-rendered progress every few seconds while an import is
 * committed by its job; without it the page's own "Refresh the progress" link does the same.
 */
export function RefreshWhileRunning({ everyMs = 3_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), everyMs);
    return () => window.clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
