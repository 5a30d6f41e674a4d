import { loadPage } from "../load-page";
import { findUsablePasswordLink } from "./password-links";

/** The set-password page (app/set-password/[token]): whether the link can still be used, and whose it is. Reads only. */
export function loadSetPasswordPage(token: string) {
  return loadPage(async (db, clock) => {
    const link = await findUsablePasswordLink(db, token, clock.now);
    return link ? { purpose: link.purpose, name: link.userName, email: link.userEmail } : null;
  });
}
