/**
 * Identifiers that arrive with a referral: the claimant's National Insurance number (13.62,
 * 3.33; SESSRO1 Part 2, 13.42) and the PRaP purchase order number (13.06, 13.16, 13.61).
 * Pure: no I/O. Error messages follow the GOV.UK Design System's wording (say what to do,
 * give an example); the app shows them beside the field and in the error summary.
 */

// ─── National Insurance number ──────────────────────────────────────────────────────────

/**
 * The example in hints and messages. It must pass ninoProblem itself: the GOV.UK pattern's
 * "QQ 12 34 56 C" is refused here (Q is never a first letter), so a user copying its shape was told
 * off by the same form. AB is the prefix HMRC's own guidance uses in examples.
 */
export const NINO_EXAMPLE = "AB 12 34 56 C";

/** HMRC never uses these as the first letter of a NINO. */
const NINO_FIRST_LETTER_NOT_USED = new Set(["D", "F", "I", "Q", "U", "V"]);
/** HMRC never uses these as the second letter of a NINO. */
const NINO_SECOND_LETTER_NOT_USED = new Set(["D", "F", "I", "O", "Q", "U", "V"]);
/** Prefixes HMRC does not allocate (administrative and temporary numbers, e.g. TN). */
export const NINO_PREFIXES_NOT_ALLOCATED: readonly string[] = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

const NINO_SHAPE = /^[A-Z]{2}[0-9]{6}[A-D]$/;

/** Upper case, no whitespace: how a NINO is compared and stored (Claimant.nino, 9 characters). */
export function normaliseNino(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/**
 * Why the input is not a usable National Insurance number, or null when it is. Checks the
 * shape (2 letters, 6 digits, suffix A, B, C or D) and the prefix rules HMRC publishes.
 */
export function ninoProblem(input: string): string | null {
  const nino = normaliseNino(input);
  if (nino === "") return "Enter a National Insurance number";
  if (!NINO_SHAPE.test(nino)) {
    return `Enter a National Insurance number in the correct format, like ${NINO_EXAMPLE}`;
  }
  const prefix = nino.slice(0, 2);
  if (NINO_FIRST_LETTER_NOT_USED.has(prefix[0])) {
    return "Enter a real National Insurance number: the first letter is never D, F, I, Q, U or V";
  }
  if (NINO_SECOND_LETTER_NOT_USED.has(prefix[1])) {
    return "Enter a real National Insurance number: the second letter is never D, F, I, O, Q, U or V";
  }
  if (NINO_PREFIXES_NOT_ALLOCATED.includes(prefix)) {
    return `Enter a real National Insurance number: numbers starting ${prefix} are not allocated to people`;
  }
  return null;
}

/** "AB123456C" → "AB 12 34 56 C" (the way it is printed on letters). Other input is returned normalised. */
export function formatNino(nino: string): string {
  const normalised = normaliseNino(nino);
  if (!NINO_SHAPE.test(normalised)) return normalised;
  return `${normalised.slice(0, 2)} ${normalised.slice(2, 4)} ${normalised.slice(4, 6)} ${normalised.slice(6, 8)} ${normalised.slice(8)}`;
}

// ─── PRaP purchase order number ─────────────────────────────────────────────────────────

/** Universal Credit ('2…') or another benefit ('1…') (13.06, 13.16). */
export type PurchaseOrderRegime = "uc" | "non_uc";

/** The examples the guidance gives (13.06, 13.61). */
export const PURCHASE_ORDER_EXAMPLE_UC = "200123456";
export const PURCHASE_ORDER_EXAMPLE_NON_UC = "100123456";

/** Spaces are dropped: people copy numbers from PRaP screens and emails with stray spaces. */
export function normalisePurchaseOrder(input: string): string {
  return input.replace(/\s+/g, "");
}

/**
 * Why the input is not a PRaP purchase order number, or null when it is. 13.06, 13.16, 13.61:
 * 9 digits; a UC referral's starts with 2 (e.g. 200123456), a non-UC referral's with 1
 * (e.g. 100123456). Any other first digit means the number was mistyped.
 */
export function purchaseOrderProblem(input: string): string | null {
  const purchaseOrder = normalisePurchaseOrder(input);
  if (purchaseOrder === "") return "Enter the purchase order number";
  if (!/^[0-9]+$/.test(purchaseOrder)) {
    return `Purchase order number must only include numbers 0 to 9, like ${PURCHASE_ORDER_EXAMPLE_UC}`;
  }
  if (purchaseOrder.length !== 9) {
    return `Purchase order number must be 9 digits, like ${PURCHASE_ORDER_EXAMPLE_UC}`;
  }
  if (purchaseOrder[0] !== "1" && purchaseOrder[0] !== "2") {
    return `Purchase order number must start with 2 for Universal Credit or 1 for other benefits, like ${PURCHASE_ORDER_EXAMPLE_UC} or ${PURCHASE_ORDER_EXAMPLE_NON_UC}`;
  }
  return null;
}

/**
 * The benefit regime a purchase order number belongs to: first digit 2 = Universal Credit,
 * 1 = other benefits (13.06, 13.16). Throws a RangeError, with the message
 * purchaseOrderProblem gives, for anything that is not a valid purchase order number.
 */
export function regimeOfPurchaseOrder(purchaseOrder: string): PurchaseOrderRegime {
  const problem = purchaseOrderProblem(purchaseOrder);
  if (problem !== null) throw new RangeError(`${problem} (got ${JSON.stringify(purchaseOrder)})`);
  return normalisePurchaseOrder(purchaseOrder)[0] === "2" ? "uc" : "non_uc";
}
