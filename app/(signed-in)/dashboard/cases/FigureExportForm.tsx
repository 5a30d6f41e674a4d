import { Button } from "@/components/forms/Button";
import { HiddenInput } from "@/components/forms/HiddenInput";
import type { DrillDown } from "@/lib/domain/dashboard/drill-down";

/**
 * Download the cases behind a figure as CSV: a POST (an export is audited, CS-01) carrying the
 * same figure, filters and breakdown row as the page.
 */
export function FigureExportForm({ drillDown }: { drillDown: DrillDown }) {
  const { site, ...rest } = drillDown;
  return (
    <form method="post" action="/dashboard/cases/export" className="govuk-!-margin-bottom-4">
      {site.map((id) => (
        <HiddenInput key={id} name="site" value={id} />
      ))}
      {Object.entries(rest).map(([name, value]) => (value === undefined ? null : <HiddenInput key={name} name={name} value={String(value)} />))}
      <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
        Download these cases (CSV)
      </Button>
    </form>
  );
}
