"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a file is being prepared, refresh the page's data every few seconds (progress without a
 * click). Without JavaScript the page's Refresh link does the same. The progress text itself is
 * in the page's polite live region, so a screen reader hears the change.
 */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
