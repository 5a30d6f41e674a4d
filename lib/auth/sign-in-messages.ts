/**
 * The sign-in page's one failure message, for an unknown email, a wrong password and a locked
 * account alike (docs/security.md AU-02; docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
 */
export const SIGN_IN_FAILED = "Enter a correct email address and password";
