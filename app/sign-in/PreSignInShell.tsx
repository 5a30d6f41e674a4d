import type { ReactNode } from "react";
import { ServiceFooter } from "@/components/layout/ServiceFooter";
import { ServiceHeader } from "@/components/layout/ServiceHeader";

/** The frame of the pages before the app: sign-in, its second step, and setting a password from a link. */
export function PreSignInShell({ children, signOut = false }: { children: ReactNode; signOut?: boolean }) {
  return (
    <>
      <ServiceHeader />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              {children}
              {signOut && (
                // Abandon signing in: the session so far is ended like any other (docs/security.md SE-04).
                <form method="post" action="/sign-out">
                  <button type="submit" className="govuk-button govuk-button--secondary">
                    Sign out
                  </button>
                </form>
              )}
            </div>
          </div>
        </main>
      </div>
      <ServiceFooter />
    </>
  );
}
