import { formatLongDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { ROUTE_LABELS } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { STRAND_LABELS, figureKind, type DrillDown } from "@/lib/domain/dashboard/drill-down";
import { monthLabel } from "@/lib/domain/dashboard/periods";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listFigureCases } from "./list-figure-cases";
import { loadSnapshotMoment } from "./dashboard-snapshot";

export const FIGURE_CASES_PAGE_SIZE = 50;

/** What the drill-down shows, in words: the filters and the breakdown row (names, never ids). */
async function describe(db: PrismaClient, actor: UseCaseActor, drillDown: DrillDown): Promise<string[]> {
  const [sites, caseworker, reason] = await Promise.all([
    drillDown.site.length > 0 ? db.site.findMany({ where: { organisationId: actor.organisationId, id: { in: drillDown.site } }, select: { name: true }, orderBy: { name: "asc" } }) : [],
    drillDown.caseworker ? db.user.findFirst({ where: { organisationId: actor.organisationId, id: drillDown.caseworker }, select: { name: true } }) : null,
    drillDown.reason && drillDown.reason !== "none" ? db.reason.findFirst({ where: { id: drillDown.reason }, select: { label: true } }) : null,
  ]);
  const parts = [
    sites.length > 0 ? `${sites.length === 1 ? "site" : "sites"} ${sites.map((site) => site.name).join(", ")}` : "all sites",
    drillDown.unassigned ? "no caseworker" : caseworker ? `caseworker ${caseworker.name}` : "all caseworkers",
    drillDown.route ? `route ${ROUTE_LABELS[drillDown.route]}` : "all routes",
  ];
  if (drillDown.month) parts.push(monthLabel(drillDown.month));
  if (drillDown.state) parts.push(CASE_STATE_LABELS[drillDown.state].toLowerCase());
  if (drillDown.reason) parts.push(reason ? `reason ${reason.label}` : "no reason recorded");
  if (drillDown.strand) parts.push(STRAND_LABELS[drillDown.strand]);
  return parts;
}

/**
 * The list behind a dashboard count (app/(signed-in)/dashboard/cases) as of today in London, and,
 * when the figure was read from the organisation's snapshot, that snapshot's moment (`figureAsOf`):
 * the list is live, so it can differ from the figure until the snapshot is recounted.
 */
export function loadFigureCasesPage(user: UseCaseActor, drillDown: DrillDown, page: number) {
  return loadPage(async (db, clock) => {
    const kind = figureKind(drillDown.figure);
    const [list, description, snapshot] = await Promise.all([
      listFigureCases(db, user, drillDown, clock.today, { page, pageSize: FIGURE_CASES_PAGE_SIZE, now: clock.now }),
      describe(db, user, drillDown),
      // The start target, the funnel and the starts may be a snapshot's figures; this list is always live.
      kind !== "today" ? loadSnapshotMoment(db, user.organisationId, clock.today) : null,
    ]);
    const which = { today: "", "start-deadline": "start deadline from ", "start-date": "started from ", "referral-date": "referred from " }[kind];
    const dates = list.range ? `${which}${formatLongDate(list.range.from)} to ${formatLongDate(list.range.to)}` : `open cases as of ${formatLongDate(clock.today)}`;
    return { list, description: [...description, dates].join("; "), today: clock.today, figureAsOf: snapshot ? snapshot.takenAt.toISOString() : null };
  });
}
