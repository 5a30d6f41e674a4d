import { classNames } from "../class-names";

/**
 * "blue" is govuk-frontend 6's default tag colour (it has no govuk-tag--blue class); "turquoise" and
 * "pink" are deprecated there in favour of "teal" and "magenta", so they are emitted as those.
 */
export type TagColour =
  | "grey"
  | "blue"
  | "green"
  | "yellow"
  | "orange"
  | "red"
  | "purple"
  | "turquoise"
  | "teal"
  | "pink"
  | "magenta";

const COLOUR_CLASS: Record<TagColour, string | undefined> = {
  grey: "govuk-tag--grey",
  blue: undefined,
  green: "govuk-tag--green",
  yellow: "govuk-tag--yellow",
  orange: "govuk-tag--orange",
  red: "govuk-tag--red",
  purple: "govuk-tag--purple",
  turquoise: "govuk-tag--teal",
  teal: "govuk-tag--teal",
  pink: "govuk-tag--magenta",
  magenta: "govuk-tag--magenta",
};

export interface TagProps {
  /** Required and never blank: colour is never the only signal (UX-06, WCAG 1.4.1). */
  text: string;
  colour?: TagColour;
  className?: string;
}

/** GOV.UK tag: a status in words, with colour as a second cue. */
export function Tag({ text, colour = "blue", className }: TagProps) {
  if (text.trim() === "") {
    throw new Error("Tag needs text: colour must never be the only signal (UX-06)");
  }
  return <strong className={classNames("govuk-tag", COLOUR_CLASS[colour], className)}>{text}</strong>;
}
