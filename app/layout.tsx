import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { RouteFocus } from "@/components/layout/RouteFocus";
import { SkipLink } from "@/components/layout/SkipLink";
import { releaseFinishedRender } from "./release-finished-render";
import "./globals.css";
import "./generated/govuk-frontend.css";

// No title here: each page renders its own <title> beside its heading (components/layout/DocumentTitle.tsx).
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }] },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) must reach Next's own scripts, and
  // no personal data may be prerendered or cached (HD-01, HD-04).
  await connection();
  releaseFinishedRender();
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <body className="govuk-template__body">
        <SkipLink href="#main-content" />
        {children}
        <RouteFocus />
      </body>
    </html>
  );
}
