import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import type { CaseState } from "@/lib/domain/case-states";
import { clockFactsFor, NO_EVENTS_RECORDED_YET } from "@/lib/domain/case-clock-facts";
import { computeClocks, type Ruleset } from "@/lib/domain/deadlines";
import { nationFromCode } from "@/lib/domain/nation";
import type { ReviewDeadline } from "@/lib/forms/form-state";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadCalendar } from "../reference/load-calendar";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { requireOpenSite } from "../sites/require-open-site";
import type { Permission } from "@/lib/domain/permissions";

export interface IntakePreview {
  permission: Permission;
  siteId: string;
  ruleset: Ruleset;
  /** The state the new case opens in. */
  state: CaseState;
  restrictionTier: "none" | "mappa" | "scr";
  referralDate: IsoDate | null;
  referralReceivedOn: IsoDate | null;
}

/**
 * The key deadlines a case would have if it were recorded now, for the check-your-answers page of
 * an intake (the referral date drives every clock, docs/rules/clocks.md). The same clocks, calendar
 * and settings as the stored due dates (docs/architecture.md, "Deadlines are derived from events"),
 * on a case that does not exist yet: it reads the site, the bank holidays and the settings, and
 * writes nothing.
 */
export async function previewIntakeDeadlines(prisma: PrismaClient, actor: UseCaseActor, intake: IntakePreview, now: Date = new Date()): Promise<ReviewDeadline[]> {
  assertCan(actor, intake.permission);
  await requireOpenSite(prisma, actor, intake.siteId);
  const site = await prisma.site.findUniqueOrThrow({ where: { id: intake.siteId }, select: { nation: true } });
  const [calendar, settings] = await Promise.all([loadCalendar(prisma), loadDeadlineSettings(prisma)]);
  const facts = clockFactsFor({
    ruleset: intake.ruleset,
    state: intake.state,
    restrictionTier: intake.restrictionTier,
    nation: nationFromCode(site.nation),
    referralDate: intake.referralDate,
    referralReceivedOn: intake.referralReceivedOn,
    ...NO_EVENTS_RECORDED_YET,
  });
  const today = todayInLondon(now);
  return computeClocks(facts, calendar, today, now, settings)
    .filter((clock) => clock.dueOn !== null && clock.state !== "not_applicable")
    .map((clock) => ({
      label: clock.label,
      dueOn: formatLongDate(clock.dueOn!),
      paragraphs: clock.paragraphs.join(", "),
      passed: clock.dueOn! < today,
    }));
}
