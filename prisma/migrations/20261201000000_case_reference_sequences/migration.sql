-- Case references come from sequences, no longer from MAX + 1 and a retry
-- (lib/server/cases/open-case.ts). Ordinary cases are numbered SES-000001, SES-000002, … from one
-- sequence; an SCR case opened from an SL2 (13.52–13.54) is numbered from a separate one,
-- SCR-000001, …, so the ordinary numbering a caseworker sees has no gaps where a restricted case
-- would be (docs/rules/restricted-cases.md).
CREATE SEQUENCE "case_reference_seq" AS bigint MINVALUE 1;
CREATE SEQUENCE "scr_case_reference_seq" AS bigint MINVALUE 1;

-- An existing database: each sequence continues after the highest reference of its kind.
SELECT setval('"case_reference_seq"', COALESCE(MAX(substring("reference" FROM 5)::bigint), 1), MAX(substring("reference" FROM 5)::bigint) IS NOT NULL)
FROM "Case" WHERE "reference" ~ '^SES-[0-9]{1,9}$';
SELECT setval('"scr_case_reference_seq"', COALESCE(MAX(substring("reference" FROM 5)::bigint), 1), MAX(substring("reference" FROM 5)::bigint) IS NOT NULL)
FROM "Case" WHERE "reference" ~ '^SCR-[0-9]{1,9}$';

-- A reference written as it is (the demo seed, an import) moves its sequence past it, so the next
-- case opened never collides with it.
CREATE FUNCTION "case_reference_keeps_sequence_ahead"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  series regclass;
  number bigint;
BEGIN
  IF NEW."reference" ~ '^SES-[0-9]{1,9}$' THEN
    series := '"case_reference_seq"'::regclass;
  ELSIF NEW."reference" ~ '^SCR-[0-9]{1,9}$' THEN
    series := '"scr_case_reference_seq"'::regclass;
  ELSE
    RETURN NEW;
  END IF;
  number := substring(NEW."reference" FROM 5)::bigint;
  IF number > COALESCE(pg_sequence_last_value(series), 0) THEN
    PERFORM setval(series, number);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "Case_reference_keeps_sequence_ahead"
  BEFORE INSERT ON "Case"
  FOR EACH ROW EXECUTE FUNCTION "case_reference_keeps_sequence_ahead"();
