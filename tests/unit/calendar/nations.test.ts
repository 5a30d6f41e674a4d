import { describe, expect, it } from "vitest";
import { isNation, NATION_DISPLAY_NAMES, NATIONS, nationDisplayName } from "@/lib/calendar/nations";

describe("UK nations with their own bank holidays", () => {
  it("are the three GOV.UK feed divisions, in a fixed order", () => {
    expect(NATIONS).toEqual(["england-and-wales", "scotland", "northern-ireland"]);
  });

  it("have display names for people", () => {
    expect(nationDisplayName("england-and-wales")).toBe("England and Wales");
    expect(nationDisplayName("scotland")).toBe("Scotland");
    expect(nationDisplayName("northern-ireland")).toBe("Northern Ireland");
    expect(Object.keys(NATION_DISPLAY_NAMES)).toEqual([...NATIONS]);
  });

  it("recognises only those three (never a union of nations)", () => {
    expect(isNation("scotland")).toBe(true);
    expect(isNation("wales")).toBe(false);
    expect(isNation("united-kingdom")).toBe(false);
    expect(isNation(undefined)).toBe(false);
  });
});
