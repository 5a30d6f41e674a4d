import { clockTagColour, clockTagDetail, clockTagText } from "@/lib/domain/clock-presentation";
import type { Clock } from "@/lib/domain/deadlines";
import { URGENCY_SCHEME, type UrgencyLevel } from "@/lib/domain/urgency";
import { UrgencyTagView, type UrgencyTagParts } from "./UrgencyTagView";

export type UrgencyTagProps =
  /** A clock: its urgency when open, its outcome (met, missed…) once stopped. */
  | { clock: Clock; level?: undefined; detail?: undefined }
  /** A bare urgency level, for lists that hold a due date rather than a clock (the dashboard). */
  | { clock?: undefined; level: UrgencyLevel; detail?: string | null };

/** The words, colour and detail of THE urgency tag for a clock or a level (lib/domain/urgency.ts). */
export function urgencyTagParts(props: UrgencyTagProps): UrgencyTagParts {
  return props.clock
    ? { text: clockTagText(props.clock), colour: clockTagColour(props.clock), detail: clockTagDetail(props.clock) }
    : { text: URGENCY_SCHEME[props.level].label, colour: URGENCY_SCHEME[props.level].colour, detail: props.detail ?? null };
}

/**
 * THE urgency tag (lib/domain/urgency.ts): the same words and colours on the queue, the case page,
 * the dashboard and "My cases due". The words beside the tag say how late or how long is left, so
 * colour is never the only signal (docs/security.md UX-06).
 */
export function UrgencyTag(props: UrgencyTagProps) {
  return <UrgencyTagView {...urgencyTagParts(props)} />;
}
