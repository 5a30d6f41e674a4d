import { Tag } from "@/components/content/Tag";
import { clockTagColour, clockTagText } from "@/lib/domain/clock-presentation";
import type { Clock } from "@/lib/domain/deadlines";

/** A deadline's status as a tag whose text says it all (colour is never the only signal, UX-06). */
export function ClockTag({ clock }: { clock: Clock }) {
  return <Tag text={clockTagText(clock)} colour={clockTagColour(clock)} />;
}
