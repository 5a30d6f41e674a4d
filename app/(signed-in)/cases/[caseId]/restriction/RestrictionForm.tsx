"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { RESTRICTION_TIER_LABELS, RESTRICTION_TIERS, type RestrictionTierValue } from "@/lib/domain/forms/mappa-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

const HINTS: Record<RestrictionTierValue, string> = {
  none: "Visible to every caseworker",
  mappa: "The case stays visible to caseworkers with a MAPPA marker; restrictions and contact details go in the nominated officer's annex (13.71)",
  scr: "Only nominated officers can see the case at all (13.77, 3.43)",
};

interface RestrictionFormProps {
  action: Action;
  caseId: string;
  version: number;
  current: RestrictionTierValue;
  /** Clearing SCR: the caseworker the case was taken from, offered it back (docs/rules/restricted-cases.md "SCR lifecycle"). */
  previousAssignee?: { id: string; name: string } | null;
}

export function RestrictionForm({ action, caseId, version, current, previousAssignee = null }: RestrictionFormProps) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Radios
          name="tier"
          label="Restriction"
          labelSize="s"
          items={RESTRICTION_TIERS.map((tier) => ({ value: tier, text: RESTRICTION_TIER_LABELS[tier], hint: HINTS[tier] }))}
          error={state.fieldErrors.tier}
          defaultValue={state.values.tier ?? current}
        />
        <Textarea
          name="reason"
          label="Reason for the change"
          labelSize="s"
          hint="Recorded in the case's access log with your name and role"
          rows={3}
          maxLength={2000}
          error={state.fieldErrors.reason}
          defaultValue={state.values.reason}
        />
        {previousAssignee ? (
          <Checkboxes
            name="restoreAssignee"
            label="Give the case back"
            labelSize="s"
            hint={`It was taken from ${previousAssignee.name} when it was marked SCR. This applies only if you clear the SCR restriction.`}
            items={[{ value: "yes", text: `Assign the case to ${previousAssignee.name} again` }]}
            error={state.fieldErrors.restoreAssignee}
            defaultValue={state.values.restoreAssignee}
          />
        ) : null}
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save the restriction
        </Button>
      </form>
    </>
  );
}
