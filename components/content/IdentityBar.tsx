"use client";

import { Tag, type TagColour } from "./Tag";

export interface IdentityBarIdentifier {
  /** e.g. "NINO", "Reference", "PRaP PO number". */
  label: string;
  value: string;
}

export interface IdentityBarMarker {
  text: string;
  colour?: TagColour;
}

export interface IdentityBarProps {
  /** The participant's name. */
  name: string;
  identifiers?: readonly IdentityBarIdentifier[];
  /** Case markers such as "MAPPA" or "Restricted", shown as tags with text (never colour alone). */
  markers?: readonly (IdentityBarMarker | string)[];
  /** Names the landmark; defaults to "Participant". */
  ariaLabel?: string;
  /** Stays at the top of the window while the page scrolls (the case's pages). */
  sticky?: boolean;
}

/**
 * MoJ identity bar: who this case is about, on every page of the case, so a caseworker always
 * knows whose record they are changing. Styled in components.css.
 */
export function IdentityBar({ name, identifiers = [], markers = [], ariaLabel = "Participant", sticky = false }: IdentityBarProps) {
  return (
    <section className={`moj-identity-bar ses-identity-bar${sticky ? " ses-identity-bar--sticky" : ""}`} aria-label={ariaLabel}>
      <div className="moj-identity-bar__container">
        <div className="moj-identity-bar__details">
          <p className="moj-identity-bar__title ses-identity-bar__name">{name}</p>
          {identifiers.length > 0 && (
            <dl className="ses-identity-bar__identifiers">
              {identifiers.map((identifier) => (
                <div key={identifier.label} className="ses-identity-bar__identifier">
                  <dt>{identifier.label}</dt>
                  <dd>{identifier.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {markers.length > 0 && (
            <ul className="ses-identity-bar__markers" aria-label="Case markers">
              {markers.map((marker) => {
                const { text, colour = "red" } = typeof marker === "string" ? { text: marker } : marker;
                return (
                  <li key={text}>
                    <Tag text={text} colour={colour} />
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
