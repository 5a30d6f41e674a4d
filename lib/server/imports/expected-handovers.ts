import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import type { HandoverDefaults } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "../assert-can";

type Reader = Pick<Prisma.TransactionClient, "expectedReferral">;

export interface ExpectedHandover extends HandoverDefaults {
  expectedReferralId: string;
}

export interface HandoverPerson {
  nino: string;
  forename: string;
  surname: string;
  dateOfBirth: IsoDate | null;
}

export interface ExpectedHandovers {
  /** The open expected referral of this person: the same NINO, else the same name and date of birth (3.05). */
  find(person: HandoverPerson): ExpectedHandover | null;
  /** Once attached, it is no one else's. */
  take(handover: ExpectedHandover): void;
}

const LOOKUP_CHUNK = 5_000;

const nameKey = (forename: string, surname: string, dateOfBirth: IsoDate) => `${forename.trim().toLowerCase()}|${surname.trim().toLowerCase()}|${dateOfBirth}`;

/**
 * The open expected referrals (Warm Handover calls with no PRaP referral yet, 3.05) of these
 * people, matched by NINO, then by forename + surname + date of birth (both dates known and equal):
 * an imported referral takes the DEA/Work Coach contact from the call when the file has none, and
 * is attached to it when committed. Two calls for one name and date of birth match neither.
 */
export async function expectedHandoversFor(db: Reader, actor: UseCaseActor, people: readonly HandoverPerson[]): Promise<ExpectedHandovers> {
  const ninos = [...new Set(people.map((person) => person.nino).filter((nino) => nino !== ""))];
  const births = [...new Set(people.flatMap((person) => (person.dateOfBirth && person.surname ? [person.dateOfBirth] : [])))];
  const byNino = new Map<string, ExpectedHandover>();
  const byName = new Map<string, (ExpectedHandover & { nino: string | null }) | null>();
  const taken = new Set<string>();
  if (ninos.length > 0 || births.length > 0) {
    // In chunks: a 50,000-row file would pass more values than one statement may carry.
    const found = new Map<string, Awaited<ReturnType<Reader["expectedReferral"]["findMany"]>>[number]>();
    const open = { organisationId: actor.organisationId, status: "expected" };
    for (let start = 0; start < ninos.length; start += LOOKUP_CHUNK) {
      for (const row of await db.expectedReferral.findMany({ where: { ...open, nino: { in: ninos.slice(start, start + LOOKUP_CHUNK) } } })) found.set(row.id, row);
    }
    for (let start = 0; start < births.length; start += LOOKUP_CHUNK) {
      const chunk = births.slice(start, start + LOOKUP_CHUNK).map((birth) => isoDateToDb(birth));
      for (const row of await db.expectedReferral.findMany({ where: { ...open, dateOfBirth: { in: chunk } } })) found.set(row.id, row);
    }
    // Oldest call first, as the intake's offer lists them.
    const rows = [...found.values()].sort((a, b) => a.calledOn.getTime() - b.calledOn.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
    for (const row of rows) {
      const handover: ExpectedHandover = {
        expectedReferralId: row.id,
        handoverRole: row.handoverRole ?? "",
        handoverName: row.handoverName,
        handoverOrganisation: row.jobcentre ?? "",
        handoverPhone: row.handoverPhone,
        handoverEmail: row.handoverEmail,
        warmHandoverOn: isoDateFromDb(row.calledOn),
      };
      if (row.nino && !byNino.has(row.nino)) byNino.set(row.nino, handover);
      if (row.dateOfBirth) {
        const key = nameKey(row.forename, row.surname, isoDateFromDb(row.dateOfBirth));
        byName.set(key, byName.has(key) ? null : { ...handover, nino: row.nino });
      }
    }
  }
  const open = (handover: ExpectedHandover | null | undefined) => (handover && !taken.has(handover.expectedReferralId) ? handover : null);
  return {
    find(person) {
      const viaNino = person.nino ? open(byNino.get(person.nino)) : null;
      if (viaNino) return viaNino;
      if (!person.dateOfBirth || !person.forename || !person.surname) return null;
      const viaName = byName.get(nameKey(person.forename, person.surname, person.dateOfBirth));
      // Two different NINOs are two people, whatever their names and dates of birth.
      if (!viaName || (viaName.nino && person.nino && viaName.nino !== person.nino)) return null;
      const { nino: _nino, ...handover } = viaName;
      return open(handover);
    },
    take(handover) {
      taken.add(handover.expectedReferralId);
    },
  };
}
