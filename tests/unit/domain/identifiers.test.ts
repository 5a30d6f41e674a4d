import { describe, expect, it } from "vitest";
import {
  NINO_EXAMPLE,
  formatNino,
  ninoProblem,
  normaliseNino,
  normalisePurchaseOrder,
  purchaseOrderProblem,
  regimeOfPurchaseOrder,
} from "@/lib/domain/identifiers";

describe("National Insurance number (claimant data received with a referral, 13.62, 3.33; SESSRO1 Part 2, 13.42)", () => {
  describe("normaliseNino", () => {
    it("upper-cases and removes every space, so 'ab 12 34 56 c' and 'AB123456C' are the same person", () => {
      expect(normaliseNino("ab 12 34 56 c")).toBe("AB123456C");
      expect(normaliseNino("  Ab12\t3456 C ")).toBe("AB123456C");
      expect(normaliseNino("AB123456C")).toBe("AB123456C");
    });
  });

  describe("ninoProblem", () => {
    it("accepts two valid prefix letters, six digits and a suffix A to D, with or without spaces", () => {
      for (const nino of ["AB123456C", "ab 12 34 56 c", "JX 00 00 01 A", "CE123456D", "PZ987654B", "NA000000A"]) {
        expect(ninoProblem(nino), nino).toBeNull();
      }
    });

    it("asks for a number when nothing is entered", () => {
      expect(ninoProblem("")).toBe("Enter a National Insurance number");
      expect(ninoProblem("   ")).toBe("Enter a National Insurance number");
    });

    it("refuses the wrong shape with the GOV.UK example, like AB 12 34 56 C", () => {
      const message = "Enter a National Insurance number in the correct format, like AB 12 34 56 C";
      for (const bad of ["AB12345C", "AB1234567C", "A1234567C", "AB123456", "AB123456E", "AB12345XC", "123456789", "AB-12-34-56-C"]) {
        expect(ninoProblem(bad), bad).toBe(message);
      }
    });

    it("refuses a first letter of D, F, I, Q, U or V", () => {
      for (const letter of ["D", "F", "I", "Q", "U", "V"]) {
        expect(ninoProblem(`${letter}A123456A`)).toBe(
          "Enter a real National Insurance number: the first letter is never D, F, I, Q, U or V",
        );
      }
      // The GOV.UK pattern's "QQ 12 34 56 C" is refused, so it cannot be the hint's example.
      expect(ninoProblem("QQ 12 34 56 C")).not.toBeNull();
    });

    it("gives an example in hints and messages that the form itself accepts", () => {
      expect(ninoProblem(NINO_EXAMPLE)).toBeNull();
    });

    it("refuses a second letter of D, F, I, O, Q, U or V", () => {
      for (const letter of ["D", "F", "I", "O", "Q", "U", "V"]) {
        expect(ninoProblem(`A${letter}123456A`)).toBe(
          "Enter a real National Insurance number: the second letter is never D, F, I, O, Q, U or V",
        );
      }
    });

    it("refuses the prefixes that are not allocated: BG, GB, KN, NK, NT, TN and ZZ", () => {
      for (const prefix of ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]) {
        expect(ninoProblem(`${prefix}123456A`)).toBe(
          `Enter a real National Insurance number: numbers starting ${prefix} are not allocated to people`,
        );
      }
    });
  });

  describe("formatNino", () => {
    it("prints a valid number in pairs: AB 12 34 56 C", () => {
      expect(formatNino("AB123456C")).toBe("AB 12 34 56 C");
      expect(formatNino("ab 123456 c")).toBe("AB 12 34 56 C");
    });

    it("returns anything that is not NINO-shaped normalised but otherwise unchanged", () => {
      expect(formatNino("ab 12")).toBe("AB12");
    });
  });
});

describe("PRaP purchase order number (13.06, 13.16, 13.61)", () => {
  it("accepts the guidance's examples: 200123456 (Universal Credit) and 100123456 (non-UC)", () => {
    expect(purchaseOrderProblem("200123456")).toBeNull();
    expect(purchaseOrderProblem("100123456")).toBeNull();
    expect(purchaseOrderProblem(" 200 123 456 ")).toBeNull();
    expect(normalisePurchaseOrder(" 200 123 456 ")).toBe("200123456");
  });

  it("asks for a number when nothing is entered", () => {
    expect(purchaseOrderProblem("")).toBe("Enter the purchase order number");
  });

  it("refuses anything but digits", () => {
    expect(purchaseOrderProblem("2001234X6")).toBe(
      "Purchase order number must only include numbers 0 to 9, like 200123456",
    );
  });

  it("refuses a number that is not exactly 9 digits", () => {
    for (const bad of ["20012345", "2001234567", "2"]) {
      expect(purchaseOrderProblem(bad), bad).toBe("Purchase order number must be 9 digits, like 200123456");
    }
  });

  it("13.06, 13.16: refuses a first digit other than 2 (Universal Credit) or 1 (other benefits), naming the rule", () => {
    for (const bad of ["000123456", "300123456", "900123456"]) {
      expect(purchaseOrderProblem(bad), bad).toBe(
        "Purchase order number must start with 2 for Universal Credit or 1 for other benefits, like 200123456 or 100123456",
      );
    }
  });

  it("13.06, 13.16: a purchase order number starting 2 is Universal Credit, starting 1 is non-UC", () => {
    expect(regimeOfPurchaseOrder("200123456")).toBe("uc");
    expect(regimeOfPurchaseOrder("100123456")).toBe("non_uc");
    expect(regimeOfPurchaseOrder("2 9999 9999")).toBe("uc");
  });

  it("regimeOfPurchaseOrder refuses an invalid number with the rule in the message", () => {
    expect(() => regimeOfPurchaseOrder("300123456")).toThrow(RangeError);
    expect(() => regimeOfPurchaseOrder("300123456")).toThrow(/start with 2 for Universal Credit or 1 for other benefits/);
    expect(() => regimeOfPurchaseOrder("12345")).toThrow(/9 digits/);
  });
});
