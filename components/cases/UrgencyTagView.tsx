import { Tag, type TagColour } from "@/components/content/Tag";

/** What an urgency tag shows: its words, its colour and the words beside it (components/cases/UrgencyTag.tsx). */
export interface UrgencyTagParts {
  text: string;
  colour: TagColour;
  detail: string | null;
}

/**
 * The urgency tag's markup from its parts, with no domain code: usable in a client component that
 * receives the parts as data (the work queue's table, app/(signed-in)/cases/WorkQueueTable.tsx).
 */
export function UrgencyTagView({ text, colour, detail }: UrgencyTagParts) {
  return (
    <>
      <Tag text={text} colour={colour} />
      {detail && <span className="ses-urgency-detail"> {detail}</span>}
    </>
  );
}
