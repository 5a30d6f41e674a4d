/** The sign-in page's messages: one generic failure for unknown email and wrong password (AU-02). */
export const SIGN_IN_FAILED = "Enter a correct email address and password";
export const SIGN_IN_LOCKED =
  "You have entered incorrect details too many times. Sign-in is locked for 15 minutes: wait, then try again, or ask an administrator to reset your password.";
