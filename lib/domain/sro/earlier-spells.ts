/**
 * Earlier SES spells of the person introduced (13.46, 3.24): "establish whether they have
 * previously been on SES and if so whether a further period would be appropriate". The records
 * are shown at the introductory call and at the first meeting, and going on needs a decision with
 * a reason (docs/rules/routes.md route 3, "Earlier SES spells").
 */
import { formatLongDate, type IsoDate } from "../../calendar/iso-date";
import { CASE_STATE_LABELS, type CaseState } from "../case-states";

export interface EarlierSpell {
  reference: string;
  referralDate: IsoDate | null;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
  /** The day the case closed (UK date). */
  closedOn: IsoDate | null;
  state: CaseState;
}

/** "SES-000012: referred Monday 3 October 2016, started Monday 10 October 2016, completed on Saturday 1 April 2017". */
export function describeEarlierSpell(spell: EarlierSpell): string {
  const parts = [
    spell.referralDate ? `referred ${formatLongDate(spell.referralDate)}` : null,
    spell.startedOn ? `started ${formatLongDate(spell.startedOn)}` : "never started",
    `${CASE_STATE_LABELS[spell.state].toLowerCase()}${spell.endedOn ?? spell.closedOn ? ` on ${formatLongDate((spell.endedOn ?? spell.closedOn) as IsoDate)}` : ""}`,
  ].filter((part): part is string => part !== null);
  return `${spell.reference}: ${parts.join(", ")}`;
}

export const PREVIOUS_SPELL_REASON_FIELD = "previousSpellReason";

/**
 * The refusal when earlier spells exist and no reason was given to go on (13.46, 3.24); null when
 * there are none, or a reason was given.
 */
export function earlierSpellDecisionMissing(spells: readonly EarlierSpell[], reason: string | null, paragraph: string): string | null {
  if (spells.length === 0 || (reason !== null && reason.trim() !== "")) return null;
  const listed = spells.map(describeEarlierSpell).join("; ");
  const noun = spells.length === 1 ? "An earlier SES spell is" : "Earlier SES spells are";
  return `${noun} recorded for this National Insurance number (${listed}). Enter why another period on SES is appropriate to go on (${paragraph})`;
}
