import { Details } from "@/components/content/Details";
import { Table } from "@/components/content/Table";
import { barPercent } from "@/lib/domain/dashboard/figures";

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** What the bar says in words, e.g. "83% (10 of 12 on time)"; defaults to the value. */
  valueText?: string;
  /** Where the bar's figure leads (e.g. the list of cases behind it): its text becomes a link. */
  href?: string;
}

export interface BarChartProps {
  /** The chart's title, also the table's caption. */
  title: string;
  data: readonly BarDatum[];
  /** The largest value a bar can have (e.g. 100 for percentages); defaults to the largest datum. */
  max?: number;
  /** Column headings for the table alternative. */
  labelHeading: string;
  valueHeading: string;
  /** Shown instead of the chart when there is no data. */
  emptyText: string;
}

/**
 * A horizontal bar chart drawn with SVG attributes (no inline styles, so the CSP holds), where
 * every bar is labelled with its value in words — the chart never relies on colour or shape
 * alone (UX-06) — and the same data as a table behind "Show the data as a table". The bars are
 * hidden from assistive technology; the text beside them carries the meaning.
 */
export function BarChart({ title, data, max, labelHeading, valueHeading, emptyText }: BarChartProps) {
  if (data.length === 0) {
    return (
      <>
        <h3 className="govuk-heading-s">{title}</h3>
        <p className="govuk-body">{emptyText}</p>
      </>
    );
  }
  const top = max ?? Math.max(0, ...data.map((datum) => datum.value));
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <figcaption className="govuk-heading-s">{title}</figcaption>
      <ul className="govuk-list">
        {data.map((datum) => {
          const percent = barPercent(datum.value, top);
          return (
            <li key={datum.key} className="govuk-!-margin-bottom-2">
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                {datum.label}:{" "}
                <strong>
                  {datum.href ? (
                    <a className="govuk-link" href={datum.href}>
                      {datum.valueText ?? String(datum.value)}
                    </a>
                  ) : (
                    (datum.valueText ?? String(datum.value))
                  )}
                </strong>
              </span>
              <svg width="100%" height="16" aria-hidden="true" focusable="false" role="presentation">
                <rect x="0" y="0" width="100%" height="16" fill="#f3f2f1" />
                {percent > 0 && <rect x="0" y="0" width={`${percent}%`} height="16" fill="#1d70b8" />}
              </svg>
            </li>
          );
        })}
      </ul>
      <Details summary={`Show “${title}” as a table`}>
        <Table
          caption={title}
          captionSize="s"
          firstCellIsHeader
          head={[{ text: labelHeading }, { text: valueHeading, numeric: true }]}
          rows={data.map((datum) => ({ id: datum.key, cells: [{ content: datum.label }, { content: datum.valueText ?? String(datum.value), numeric: true }] }))}
        />
      </Details>
    </figure>
  );
}
