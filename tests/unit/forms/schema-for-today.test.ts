import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";

describe("schemaForToday (lib/forms/schema-for-today.ts)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    vi.setSystemTime(new Date("2026-06-30T23:30:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  const seen: IsoDate[] = [];
  const schema = schemaForToday((today: IsoDate) => {
    seen.push(today);
    return z.object({ on: z.string().refine((on) => on <= today, "Must be today or in the past") }).strict();
  });

  it("builds the schema for today in London, at each parse", () => {
    expect(schema.safeParse({ on: "2026-07-01" }).success).toBe(true);
    expect(seen.at(-1)).toBe("2026-07-01");
    vi.setSystemTime(new Date("2026-07-02T09:00:00Z"));
    schema.safeParse({ on: "2026-07-01" });
    expect(seen.at(-1)).toBe("2026-07-02");
  });

  it("keeps each issue on its field, and an unknown key as the form's error", () => {
    const result = schema.safeParse({ on: "2026-07-02", extra: "x" });
    expect(result.success).toBe(false);
    expect(fieldErrorsFrom(result.error!)).toEqual({
      on: "Must be today or in the past",
      form: "The form contained fields that are not allowed. Reload the page and try again.",
    });
  });
});
