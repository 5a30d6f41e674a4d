import { z } from "zod";

/**
 * Query parameters are typed by anyone (docs/security.md IV-01): each is parsed with zod, and an
 * invalid one falls back to its default rather than reaching the database (review finding M6:
 * `page=1e308` made a 500 whose log held the search term).
 */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A page number 1–100000; anything else (1e308, -3, "two", a repeated name) is page 1. */
export const pageParam = z.preprocess(
  first,
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(100_000))
    .catch(1),
).catch(1);

/** One of the allowed words, or the fallback. */
export const enumParam = <const Values extends readonly [string, ...string[]]>(values: Values, fallback: Values[number]) =>
  z.preprocess(first, z.enum(values).catch(fallback)).catch(fallback);
