import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";

/**
 * The permission check runs here, outside loading.tsx's Suspense boundary, so a user without
 * `read:dashboard:any` gets a real 404 status (not a streamed 200) — the same as a page that
 * does not exist (AC-01).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser("read:dashboard:any");
  return children;
}
