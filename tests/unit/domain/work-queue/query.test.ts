import { describe, expect, it } from "vitest";
import type { Clock, ClockState } from "@/lib/domain/deadlines";
import { parseSelectedCases } from "@/lib/domain/forms/bulk-reassign-form";
import { defaultWorkQueueView, parseWorkQueueQuery, workQueueQueryString } from "@/lib/domain/work-queue/query";
import { compareByStartDeadline } from "@/lib/domain/work-queue/start-order";

const SITE = "7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

describe("the work queue's address (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md)", () => {
  it("reads view, sort, page, page size and every filter", () => {
    expect(
      parseWorkQueueQuery({ view: "open", sort: "start-deadline", page: "3", size: "50", state: "referred", clock: "overdue", site: SITE.toUpperCase(), route: "prap_single", ruleset: "ses_2017", marker: "mappa" }),
    ).toEqual({
      view: "open",
      sort: "start-deadline",
      page: 3,
      pageSize: 50,
      filters: { state: "referred", clock: "overdue", site: SITE, route: "prap_single", ruleset: "ses_2017", marker: "mappa" },
    });
  });

  it("drops each invalid value on its own and falls back to the default, never throwing", () => {
    const query = parseWorkQueueQuery({ view: "everything", sort: "name", page: "-4", size: "1000", state: "deleted", site: "' OR 1=1", caseworker: "x", clock: "late", marker: "vip", route: SITE });
    expect(query).toEqual({ view: "mine", sort: "next-deadline", page: 1, pageSize: 25, filters: {} });
    expect(parseWorkQueueQuery({ state: ["referred", "started"] }).filters).toEqual({ state: "referred" });
  });

  it("lands a manager on All open, and anyone who works cases on their own list", () => {
    expect(defaultWorkQueueView(["manager"])).toBe("open");
    expect(defaultWorkQueueView(["caseworker"])).toBe("mine");
    expect(defaultWorkQueueView(["manager", "caseworker"])).toBe("mine");
    expect(parseWorkQueueQuery({}, "open").view).toBe("open");
  });

  it("writes an address that reads back the same, with ids and keywords only (HD-05)", () => {
    const query = parseWorkQueueQuery({ view: "unassigned", sort: "start-deadline", page: "2", size: "50", site: SITE, clock: "due-soon" });
    const written = workQueueQueryString(query);
    expect(parseWorkQueueQuery(Object.fromEntries(new URLSearchParams(written)))).toEqual(query);
    expect(workQueueQueryString({ view: "open", page: 1, pageSize: 25 })).toBe("view=open");
  });

  it("reads the selected cases as id and version, each once, dropping anything else", () => {
    expect(parseSelectedCases([`${SITE}.3`, `${SITE}.4`, "nonsense", `${SITE}`])).toEqual([{ caseId: SITE, version: 3 }]);
    expect(parseSelectedCases(undefined)).toEqual([]);
  });
});

function startClock(state: ClockState, dueOn: string): Clock {
  return { id: "start", label: "Start on provision", paragraphs: ["13.13"], dueOn, dueAt: null, state, metOn: null, workingDaysRemaining: 0, explanation: [], provisional: false };
}

describe("the start order (13.13, 3.07)", () => {
  it("puts running start clocks first, earliest due (most overdue) first, then met, missed and not running by reference", () => {
    const rows = [
      { reference: "SES-000001", startClock: startClock("met_on_time", "2026-01-01") },
      { reference: "SES-000002", startClock: startClock("not_yet_due", "2026-12-20") },
      { reference: "SES-000003", startClock: null },
      { reference: "SES-000004", startClock: startClock("overdue", "2026-11-01") },
      { reference: "SES-000005", startClock: startClock("due_soon", "2026-11-26") },
      { reference: "SES-000006", startClock: startClock("overdue", "2026-10-01") },
    ];
    expect([...rows].sort(compareByStartDeadline).map((row) => row.reference)).toEqual(["SES-000006", "SES-000004", "SES-000005", "SES-000002", "SES-000001", "SES-000003"]);
  });
});
