import { z } from "zod";
import { DATE_PART_NAMES } from "./date-parts";

/**
 * Fields that apply to one answer only (GOV.UK conditional reveals): shown under that answer's
 * radio, and ignored by the server for any other answer — whatever was typed there before the
 * user changed their mind is dropped before validation, so it neither refuses the form nor is
 * saved (docs/decisions/0030-users-with-several-sites.md, "Conditional reveals").
 */
export interface Reveal {
  /** The radios' field name. */
  field: string;
  /** The answer that reveals the fields. */
  value: string;
  /** The fields shown only for that answer (a date by its name: its day, month and year go too). */
  reveals: readonly string[];
}

/** The raw post without the fields of the answers not chosen. */
export function dropUnchosen(raw: Record<string, unknown>, reveals: readonly Reveal[]): Record<string, unknown> {
  const kept = { ...raw };
  const chosen = (field: string) => {
    const value = raw[field];
    return Array.isArray(value) ? value : [value];
  };
  // A field revealed by several answers stays when any of them is chosen.
  const shown = new Set(reveals.filter((reveal) => chosen(reveal.field).includes(reveal.value)).flatMap((reveal) => reveal.reveals));
  for (const reveal of reveals) {
    if (chosen(reveal.field).includes(reveal.value)) continue;
    for (const name of reveal.reveals) {
      if (shown.has(name)) continue;
      delete kept[name];
      for (const part of DATE_PART_NAMES) delete kept[`${name}-${part}`];
    }
  }
  return kept;
}

/** A schema that first drops the fields of the answers not chosen (wrap the whole form schema, outermost). */
export function ignoringUnchosen<Schema extends z.ZodType>(reveals: readonly Reveal[], schema: Schema) {
  return z.preprocess((raw) => (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? dropUnchosen(raw as Record<string, unknown>, reveals) : raw), schema);
}
