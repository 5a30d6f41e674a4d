export interface FooterLink {
  href: string;
  text: string;
}

export interface ServiceFooterProps {
  serviceName?: string;
  /** A short data-protection line shown under the service name. */
  dataProtectionText?: string;
  /** Support links, e.g. privacy notice, accessibility statement, help. */
  links?: readonly FooterLink[];
}

/**
 * GOV.UK footer without the crown, the Open Government Licence or Crown copyright, none of which
 * apply to a provider's case-management tool.
 */
export function ServiceFooter({
  serviceName = "SES Casework",
  dataProtectionText = "This service holds personal data about participants. Use it only for delivering Specialist Employability Support, and do not copy data out of it.",
  links = [],
}: ServiceFooterProps) {
  return (
    <footer className="govuk-template__footer">
      <div className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              {links.length > 0 && (
                <>
                  <h2 className="govuk-visually-hidden">Support links</h2>
                  <ul className="govuk-footer__inline-list">
                    {links.map((link) => (
                      <li key={link.href} className="govuk-footer__inline-list-item">
                        <a className="govuk-footer__link" href={link.href}>
                          {link.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className="govuk-footer__meta-custom">
                <p className="govuk-body-s ses-footer__service-name">
                  <strong>{serviceName}</strong>
                </p>
                <p className="govuk-body-s ses-footer__data-protection">{dataProtectionText}</p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
