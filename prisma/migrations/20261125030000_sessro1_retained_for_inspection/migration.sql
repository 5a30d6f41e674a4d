-- SESSRO1 Part 4 (13.51, 3.29): a copy of the form, with the reason the person was not accepted,
-- is retained for inspection by the DWP Performance Manager.
ALTER TABLE "Sessro1Form" ADD COLUMN "copyRetainedForInspection" BOOLEAN NOT NULL DEFAULT false;
