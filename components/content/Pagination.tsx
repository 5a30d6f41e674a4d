import { classNames } from "../class-names";

export interface PaginationProps {
  /** 1-based. */
  currentPage: number;
  totalPages: number;
  /** The URL of a page, e.g. (page) => `/cases?page=${page}`. */
  hrefFor: (page: number) => string;
  landmarkLabel?: string;
}

type PageItem = { kind: "page"; number: number } | { kind: "ellipsis"; key: string };

/**
 * GOV.UK's recommended set: first, last, the current page and its neighbours, with an ellipsis
 * for each gap of more than one page (a gap of exactly one shows that page instead).
 */
export function pageItems(currentPage: number, totalPages: number): PageItem[] {
  const shown = new Set<number>([1, totalPages, currentPage - 1, currentPage, currentPage + 1]);
  const pages = [...shown].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) items.push({ kind: "page", number: page - 1 });
    else if (page - previous > 2) items.push({ kind: "ellipsis", key: `after-${previous}` });
    items.push({ kind: "page", number: page });
    previous = page;
  }
  return items;
}

function PreviousIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
    </svg>
  );
}

function NextIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
    </svg>
  );
}

/** GOV.UK pagination: previous/next links and numbered pages; the current page has aria-current. */
export function Pagination({ currentPage, totalPages, hrefFor, landmarkLabel = "Pagination" }: PaginationProps) {
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(currentPage)), totalPages);
  return (
    <nav className="govuk-pagination" aria-label={landmarkLabel}>
      {current > 1 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(current - 1)} rel="prev">
            <PreviousIcon />
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {pageItems(current, totalPages).map((item) =>
          item.kind === "ellipsis" ? (
            <li key={item.key} className="govuk-pagination__item govuk-pagination__item--ellipsis">
              {"\u22EF"}
            </li>
          ) : (
            <li
              key={item.number}
              className={classNames(
                "govuk-pagination__item",
                item.number === current && "govuk-pagination__item--current",
              )}
            >
              <a
                className="govuk-link govuk-pagination__link"
                href={hrefFor(item.number)}
                aria-label={`Page ${item.number}`}
                aria-current={item.number === current ? "page" : undefined}
              >
                {item.number}
              </a>
            </li>
          ),
        )}
      </ul>
      {current < totalPages && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <NextIcon />
          </a>
        </div>
      )}
    </nav>
  );
}
