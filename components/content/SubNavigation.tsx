"use client";

export interface SubNavigationItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface SubNavigationProps {
  items: readonly SubNavigationItem[];
  /** The landmark's name, e.g. "Case sections". */
  ariaLabel?: string;
}

/** MoJ sub navigation: tabs-like links between the sections of one record, each a real page. */
export function SubNavigation({ items, ariaLabel = "Secondary navigation" }: SubNavigationProps) {
  return (
    <nav className="moj-sub-navigation" aria-label={ariaLabel}>
      <ul className="moj-sub-navigation__list">
        {items.map((item) => (
          <li key={item.href} className="moj-sub-navigation__item">
            <a className="moj-sub-navigation__link" aria-current={item.current ? "page" : undefined} href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
