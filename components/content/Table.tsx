import type { ReactNode } from "react";
import { classNames } from "../class-names";

export type SortDirection = "ascending" | "descending" | "none";

export interface TableHeadCell {
  text: string;
  /** Right-aligns the column (numbers, counts, money). */
  numeric?: boolean;
  /**
   * Makes the header a link that re-sorts the table on the server (works without JavaScript).
   * `direction` is this column's current state, announced through aria-sort; `href` is the URL
   * that applies the next sort. Keep personal data out of that URL (HD-05).
   */
  sort?: { href: string; direction: SortDirection };
  colSpan?: number;
  className?: string;
}

export interface TableCell {
  content: ReactNode;
  numeric?: boolean;
  colSpan?: number;
  className?: string;
}

export interface TableRow {
  /** A stable key for the row, e.g. the record id. */
  id: string;
  cells: readonly TableCell[];
}

interface TableBaseProps {
  head: readonly TableHeadCell[];
  rows: readonly TableRow[];
  /** The first cell of each row is a row header (th scope="row"). */
  firstCellIsHeader?: boolean;
  /** Wraps the table in a keyboard-scrollable region so wide tables scroll on small screens. */
  responsive?: boolean;
  className?: string;
}

/** Every table has an accessible name: a visible caption or, failing that, an aria-label. */
export type TableProps = TableBaseProps &
  (
    | { caption: string; captionSize?: "s" | "m" | "l" | "xl"; ariaLabel?: undefined }
    | { caption?: undefined; captionSize?: undefined; ariaLabel: string }
  );

/**
 * A colSpan only where a cell has one: an absent prop costs nothing, where `colSpan={undefined}` is
 * still written into the page's RSC payload for every cell (a 25-row queue has 200).
 */
function spanOf(cell: { colSpan?: number }): { colSpan?: number } {
  return cell.colSpan === undefined ? {} : { colSpan: cell.colSpan };
}

function HeadCell({ cell }: { cell: TableHeadCell }) {
  return (
    <th
      scope="col"
      className={classNames("govuk-table__header", cell.numeric && "govuk-table__header--numeric", cell.className)}
      colSpan={cell.colSpan}
      aria-sort={cell.sort?.direction}
    >
      {cell.sort ? (
        <a className="govuk-link ses-sortable-table__link" href={cell.sort.href}>
          {cell.text}
        </a>
      ) : (
        cell.text
      )}
    </th>
  );
}

/**
 * GOV.UK table with the MoJ sortable-table convention (aria-sort on sortable headers), sorted on
 * the server through header links rather than by client script.
 */
export function Table({
  head,
  rows,
  firstCellIsHeader,
  responsive,
  className,
  caption,
  captionSize,
  ariaLabel,
}: TableProps) {
  const table = (
    <table
      className={classNames("govuk-table", head.some((cell) => cell.sort) && "ses-sortable-table", className)}
      aria-label={ariaLabel}
    >
      {caption && (
        <caption className={classNames("govuk-table__caption", captionSize && `govuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      )}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((cell, index) => (
            <HeadCell key={`${index}:${cell.text}`} cell={cell} />
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.id} className="govuk-table__row">
            {row.cells.map((cell, index) =>
              index === 0 && firstCellIsHeader ? (
                <th key={index} scope="row" className={classNames("govuk-table__header", cell.className)} {...spanOf(cell)}>
                  {cell.content}
                </th>
              ) : (
                <td
                  key={index}
                  className={classNames("govuk-table__cell", cell.numeric && "govuk-table__cell--numeric", cell.className)}
                  {...spanOf(cell)}
                >
                  {cell.content}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!responsive) return table;
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1), hence tabIndex and a name.
    <div className="ses-table-container" role="region" aria-label={caption ?? ariaLabel} tabIndex={0}>
      {table}
    </div>
  );
}
