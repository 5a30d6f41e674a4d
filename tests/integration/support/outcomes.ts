import { UseCaseError, type UseCaseErrorCode } from "@/lib/server/use-case-error";

/** How a use-case ended, for the integration tests' assertions. */

/** Awaits a use-case that must fail with a UseCaseError of this code, and returns the error. */
export async function expectUseCaseError(promise: Promise<unknown>, code: UseCaseErrorCode): Promise<UseCaseError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof UseCaseError)) {
    throw new Error(`expected a UseCaseError ${code}, got ${outcome === undefined ? "success" : String(outcome)}`);
  }
  if (outcome.code !== code) throw new Error(`expected a UseCaseError ${code}, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}

/** "ok", the UseCaseError's code, or any other error as text. */
export function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof UseCaseError ? error.code : String(error)),
  );
}
