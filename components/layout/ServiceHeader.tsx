"use client";

// A client component only so that the navigation reaches it as data (hrefs, labels) rather than as
// markup in every signed-in page's RSC payload (docs/decisions/0035-work-queue-page-cost.md): it
// has no client state, and its HTML is rendered on the server with the page.
import { classNames } from "../class-names";

export interface ServiceNavigationItem {
  href: string;
  label: string;
  /** The page being shown: aria-current="page" plus the active style. */
  current?: boolean;
}

/** A server action, or the path of the sign-out route handler (app/sign-out/route.ts), posted to. */
export type SignOutAction = ((formData: FormData) => void | Promise<void>) | string;

interface HeaderBaseProps {
  serviceName?: string;
  homeHref?: string;
  navigation?: readonly ServiceNavigationItem[];
  /** The accessible name of the navigation landmark. */
  navigationLabel?: string;
}

/** Signed in: the user's name always comes with a sign-out control (SE-06). */
interface SignedInProps extends HeaderBaseProps {
  userName: string;
  signOutAction: SignOutAction;
  /** Where the user's name links to: their own account (password, two-factor authentication). */
  accountHref?: string;
}

interface SignedOutProps extends HeaderBaseProps {
  userName?: undefined;
  signOutAction?: undefined;
  accountHref?: undefined;
}

export type ServiceHeaderProps = SignedInProps | SignedOutProps;

/**
 * The generic GOV.UK header (no crown, no GOV.UK logotype: a provider's tool is not a GOV.UK
 * service) with the service name linking home, then the GOV.UK service navigation holding the
 * primary navigation and, when signed in, the user's name and a "Sign out" button.
 *
 * Sign-out is a POST form, never a link (CS-01: no GET changes state). React sets method="post"
 * itself for a function action and renders the hidden action fields, so it works without
 * JavaScript; writing method="post" as well only triggers React's "Cannot specify a encType or
 * method" warning.
 */
export function ServiceHeader({
  serviceName = "SES Casework",
  homeHref = "/",
  navigation = [],
  navigationLabel = "Menu",
  userName,
  signOutAction,
  accountHref,
}: ServiceHeaderProps) {
  const hasAccount = userName !== undefined && signOutAction !== undefined;
  const hasNavigation = navigation.length > 0;
  const serviceNavigationContent = (
    <div
      className={classNames("govuk-width-container", hasAccount && "govuk-service-navigation__inlining-container")}
    >
      <div className="govuk-service-navigation__container">
        {hasNavigation && (
          <nav aria-label={navigationLabel} className="govuk-service-navigation__wrapper">
            {navigation.length > 1 && (
              // Revealed only by govuk-frontend's ServiceNavigation script on small screens; without
              // JavaScript it stays hidden and the full list shows.
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls="navigation"
                hidden
                aria-hidden="true"
              >
                Menu
              </button>
            )}
            <ul className="govuk-service-navigation__list" id="navigation">
              {navigation.map((item) => (
                <li
                  key={item.href}
                  className={classNames(
                    "govuk-service-navigation__item",
                    item.current && "govuk-service-navigation__item--active",
                  )}
                >
                  <a
                    className="govuk-service-navigation__link"
                    href={item.href}
                    aria-current={item.current ? "page" : undefined}
                  >
                    {item.current ? (
                      // Bold fallback so the current item stays distinguishable when styles are overridden.
                      <strong className="govuk-service-navigation__active-fallback">{item.label}</strong>
                    ) : (
                      item.label
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      {hasAccount && (
        <div className="ses-account">
          <p className="ses-account__name">
            <span className="govuk-visually-hidden">Signed in as </span>
            {accountHref ? (
              <a className="govuk-link govuk-link--no-visited-state" href={accountHref}>
                {userName}
              </a>
            ) : (
              userName
            )}
          </p>
          <form
            action={signOutAction}
            className="ses-account__sign-out"
            {...(typeof signOutAction === "string" ? { method: "post" } : {})}
          >
            <button type="submit" className="ses-link-button">
              Sign out
            </button>
          </form>
        </div>
      )}
    </div>
  );

  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href={homeHref} className="govuk-generic-header__homepage-link">
              {serviceName}
            </a>
          </div>
        </div>
      </div>
      {hasAccount ? (
        <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
          {serviceNavigationContent}
        </section>
      ) : (
        hasNavigation && (
          <div className="govuk-service-navigation" data-module="govuk-service-navigation">
            {serviceNavigationContent}
          </div>
        )
      )}
    </header>
  );
}
