import { classNames } from "../class-names";

export interface BreadcrumbItem {
  label: string;
  /** Leave out for the current page, which is then marked aria-current="page". */
  href?: string;
}

export interface BreadcrumbsProps {
  items: readonly BreadcrumbItem[];
  collapseOnMobile?: boolean;
}

/** GOV.UK breadcrumbs in a labelled nav landmark. */
export function Breadcrumbs({ items, collapseOnMobile }: BreadcrumbsProps) {
  return (
    <nav
      className={classNames("govuk-breadcrumbs", collapseOnMobile && "govuk-breadcrumbs--collapse-on-mobile")}
      aria-label="Breadcrumb"
    >
      <ol className="govuk-breadcrumbs__list">
        {items.map((item, index) =>
          item.href ? (
            <li key={`${index}:${item.href}`} className="govuk-breadcrumbs__list-item">
              <a className="govuk-breadcrumbs__link" href={item.href}>
                {item.label}
              </a>
            </li>
          ) : (
            <li key={`${index}:current`} className="govuk-breadcrumbs__list-item" aria-current="page">
              {item.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
