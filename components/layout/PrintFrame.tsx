import type { ReactNode } from "react";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { PrintButton } from "./PrintButton";

/** The protective marking every printed form carries (docs/rules/referral-data.md: information security). */
export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

const timeInLondon = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

/** "Thursday 3 December 2026 at 09:45": when the page was printed, London time. */
export function printedOn(now: Date): string {
  return `${formatLongDate(todayInLondon(now))} at ${timeInLondon.format(now)}`;
}

/**
 * A print view (SL2, UC452, SESSRO1): the Print button, who printed it and when, and the protective
 * marking. On paper the marking is the running header and footer of every sheet (the named page
 * `ses-print-view` in components/components.css), and the service navigation and footer are not
 * printed. On screen the marking shows once, above the form.
 */
export function PrintFrame({ printedBy, now, children, instructions }: { printedBy: string; now: Date; children: ReactNode; instructions?: ReactNode }) {
  return (
    <div className="ses-print-view" data-print-view>
      <p className="ses-protective-marking" data-protective-marking>
        {PROTECTIVE_MARKING}
      </p>
      <div className="ses-print-hidden">
        {instructions}
        <PrintButton />
      </div>
      {children}
      <p className="govuk-body-s ses-printed-by" data-printed-by>
        Printed on {printedOn(now)} by {printedBy}. {PROTECTIVE_MARKING}: store it securely and destroy it when it is no longer needed.
      </p>
    </div>
  );
}
