import { isoDateToDb } from "@/lib/db/dates";
import { seedId } from "../ids";
import { userId } from "./people";
import { acknowledge, mobile, openChapter13Case, STANDARD_UCPR1 } from "./story-steps";
import { instant, type DemoWorld } from "./world";

/** A MAPPA case on the UC two-stage route: its record, and the nominated officer's annex (13.58–13.60, 13.68–13.73). */
export function mappaCases(world: DemoWorld): void {
  {
    // MAPPA, not SCR: arrives without address, postcode and telephone (13.58); restrictions and the
    // MAPPA J form held in the nominated-officer-only annex (13.59, 13.68, 13.69).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-mappa",
      site: "leeds",
      state: "assessment_booked",
      k: 5,
      workCoachName: "Marcus Delaney",
      workCoachIndex: 4,
      restrictionTier: "mappa",
      claimant: {
        title: "Mr",
        forename: "Patrick",
        surname: "Mulvey",
        address: null,
        telephone: null,
        jobs: [["Groundworker", 11, 6]],
      },
    });
    acknowledge(story, iaReferral, story.d(0));
    const markedAt = instant(story.d(1), "11:00");
    story.setInstant("mappaMarkedAt", markedAt);
    story.contact(
      "jcp_nominated_officer",
      { name: "Graham Tennant", organisation: "Jobcentre Plus (nominated officer)", phone: "0113 496 0404", email: "nominated.officer@jobcentre.example.test" },
      story.d(1),
      "11:00",
      "JCP nominated officer phoned the provider's nominated officer with restrictions (13.68)",
    );
    story.log(story.d(1), "11:05", "case.mappa_marked", { after: { restrictionTier: "mappa" }, reason: "Further information from your nominated officer (13.71)" }, "officer");
    story.assign("officer", "officer", story.d(1), "11:10");
    const annexId = seedId(`case:${story.key}:mappa-annex`);
    world.data.mappaAnnexes.push({
      id: annexId,
      caseId: story.id,
      restrictions:
        "Appointments only at Leeds Central, in office hours, with the nominated officer present. No group sessions. No contact with the named victim's area (details on the MAPPA J form).",
      restrictionsPhonedOn: isoDateToDb(story.d(1)),
      mappaJReceivedOn: isoDateToDb(story.d(3)),
      // 13.70: contact details given by the JCP nominated officer, held here only
      contactTelephone: mobile(199),
      createdAt: markedAt,
      updatedAt: instant(story.d(3), "10:20"),
      version: 2,
    });
    story.log(story.d(1), "11:15", "mappa_annex.recorded", { entityType: "mappa_annex", entityId: annexId, after: { restrictionsPhonedOn: story.d(1) } }, "officer");
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    world.data.mappaLetters.push({
      id: seedId(`case:${story.key}:mappa-letter:1`),
      caseId: story.id,
      sentOn: isoDateToDb(story.d(2)),
      description: "JCP sent the Initial Assessment appointment letter on the provider's behalf (13.72)",
      recordedById: userId("officer"),
      createdAt: instant(story.d(2), "12:00"),
    });
    story.log(story.d(2), "12:00", "mappa_letter.recorded", { entityType: "mappa_letter" }, "officer");
    story.securePost({
      on: story.d(3),
      time: "10:15",
      direction: "received",
      document: "mappa_j",
      method: "Royal Mail Special Delivery (Track and Trace)",
      trackingNumber: "SD 0071 4455 2GB",
      counterparty: "JCP nominated officer, Leeds Eastgate Jobcentre",
    });
    story.log(story.d(3), "10:20", "mappa_annex.updated", { entityType: "mappa_annex", entityId: annexId, after: { mappaJReceivedOn: story.d(3) } }, "officer");
    story.bookInitialAssessment(story.d(3), "14:00", story.d(7), "10:00", "Leeds Central, interview room 2 (nominated officer present)");
    story.note(story.d(3), "14:05", "MAPPA case: further information from your nominated officer.", "officer");
  }
}
