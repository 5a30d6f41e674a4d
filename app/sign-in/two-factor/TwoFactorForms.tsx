"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { TextInput } from "@/components/forms/TextInput";
import { Details } from "@/components/content/Details";
import { Panel } from "@/components/content/Panel";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { PageHeading } from "@/components/layout/PageHeading";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function VerifyMfaForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextInput
          name="code"
          label="Security code"
          hint="Enter the 6-digit code your authenticator app shows for SES Casework."
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width={10}
          error={state.fieldErrors.code}
        />
        <Details summary="I cannot use my authenticator app">
          <p className="govuk-body">Enter one of your recovery codes in the box above instead, like abcde-fghjk. Each recovery code works once.</p>
          <p className="govuk-body">If you have no recovery codes left, ask an administrator to reset your two-factor authentication.</p>
        </Details>
        <Button type="submit" preventDoubleClick disabled={pending}>
          Continue
        </Button>
      </form>
    </>
  );
}

interface EnrolmentOffer {
  sealedSecret: string;
  secretText: string;
  qrCode: string;
}

function FinishEnrolmentForm({ action, proof, continueTo }: { action: Action; proof: string; continueTo: string }) {
  const [, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="proof" value={proof} />
      <input type="hidden" name="callbackUrl" value={continueTo} />
      <Button type="submit" preventDoubleClick disabled={pending}>
        I have saved my recovery codes
      </Button>
    </form>
  );
}

export function EnrolMfaForm({ action, finishAction, offer, callbackUrl }: { action: Action; finishAction: Action; offer: EnrolmentOffer | null; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  if (state.status === "success" && state.data?.recoveryCodes) {
    const codes = state.data.recoveryCodes.split("\n");
    return (
      <>
        <DocumentTitle>Two-factor authentication set up</DocumentTitle>
        <Panel title="Two-factor authentication set up" />
        <h2 className="govuk-heading-m">Your recovery codes</h2>
        <p className="govuk-body">
          If you lose your phone, you can sign in with one of these codes instead of a security code. Each works once. Keep them somewhere safe:
          you will not see them again.
        </p>
        <ul className="govuk-list ses-recovery-codes" aria-label="Recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <FinishEnrolmentForm action={finishAction} proof={state.data.proof} continueTo={state.data.continueTo ?? "/"} />
      </>
    );
  }
  if (!offer) {
    return (
      <>
        <PageHeading>Two-factor authentication is set up</PageHeading>
        <p className="govuk-body">Your account already has two-factor authentication. To set it up again, ask an administrator to reset it.</p>
        <a className="govuk-button" data-module="govuk-button" href={callbackUrl}>
          Continue
        </a>
      </>
    );
  }
  return (
    <>
      <FormErrors state={state} />
      <PageHeading error={state.status === "error"}>Set up two-factor authentication</PageHeading>
      <p className="govuk-body">Your account needs a second step at sign-in: a 6-digit code from an app on your phone, as well as your password.</p>
      <ol className="govuk-list govuk-list--number">
        <li>Install an authenticator app on your phone, if you do not have one.</li>
        <li>In the app, scan this QR code.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; nothing for next/image to optimise */}
      <img src={offer.qrCode} alt="QR code for setting up your authenticator app" width={200} height={200} />
      <p className="govuk-body">
        If you cannot scan it, enter this key in the app instead: <code className="ses-secret-key">{offer.secretText}</code>
      </p>
      <form action={formAction} noValidate>
        <input type="hidden" name="sealedSecret" value={offer.sealedSecret} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextInput
          name="code"
          label="Security code"
          hint="Enter the 6-digit code the app now shows for SES Casework."
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width={10}
          error={state.fieldErrors.code}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Set up two-factor authentication
        </Button>
      </form>
    </>
  );
}
