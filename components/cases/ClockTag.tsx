import type { Clock } from "@/lib/domain/deadlines";
import { UrgencyTag } from "./UrgencyTag";

/** A deadline's status: the one urgency scheme's tag (components/cases/UrgencyTag.tsx, UX-06). */
export function ClockTag({ clock }: { clock: Clock }) {
  return <UrgencyTag clock={clock} />;
}
