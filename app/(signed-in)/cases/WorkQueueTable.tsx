"use client";

import { Fragment } from "react";
import { Table, type SortDirection } from "@/components/content/Table";
import { Tag, type TagColour } from "@/components/content/Tag";
import { UrgencyTagView, type UrgencyTagParts } from "@/components/cases/UrgencyTagView";

/**
 * One row of the work queue as the table shows it: words and ids only, worked out on the server
 * (./queue-row-view.ts). The rows travel to this component as data, not as rendered elements, so
 * the page's RSC payload holds ~0.4 KB a row instead of ~1.7 KB of markup
 * (docs/decisions/0035-work-queue-page-cost.md).
 */
export interface WorkQueueRowView {
  id: string;
  reference: string;
  /** The bulk-reassignment checkbox's value: "<id>.<version>" (lib/domain/forms/bulk-reassign-form.ts). */
  selectValue: string;
  claimantName: string;
  /** MAPPA, SCR, JCP referral missing: beside the name, in words. */
  tags: { text: string; colour: TagColour }[];
  stateLabel: string;
  urgent: { label: string; tag: UrgencyTagParts } | null;
  /** The start target's tag while its clock runs or once stopped; null: "Not running". */
  start: UrgencyTagParts | null;
  caseworkerName: string;
  siteName: string;
}

export interface WorkQueueTableProps {
  caption: string;
  /** Caseworkers who may reassign get a checkbox on each row (bulk reassignment). */
  selectable: boolean;
  sortLinks: { nextDeadline: { href: string; direction: SortDirection }; startDeadline: { href: string; direction: SortDirection } };
  rows: WorkQueueRowView[];
}

/** The work queue's table (app/(signed-in)/cases/page.tsx): server-rendered HTML like every page; no client state. */
export function WorkQueueTable({ caption, selectable, sortLinks, rows }: WorkQueueTableProps) {
  return (
    <Table
      responsive
      caption={caption}
      captionSize="s"
      head={[
        ...(selectable ? [{ text: "Select" }] : []),
        { text: "Case" },
        { text: "Claimant" },
        { text: "State" },
        { text: "Most urgent deadline", sort: sortLinks.nextDeadline },
        { text: "Start within 20 working days", sort: sortLinks.startDeadline },
        { text: "Caseworker" },
        { text: "Site" },
      ]}
      rows={rows.map((row) => ({
        id: row.id,
        cells: [
          ...(selectable
            ? [
                {
                  content: (
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id={`select-${row.id}`} name="case" type="checkbox" value={row.selectValue} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${row.id}`}>
                          <span className="govuk-visually-hidden">Select {row.reference}</span>
                        </label>
                      </div>
                    </div>
                  ),
                },
              ]
            : []),
          {
            content: (
              <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>
                {row.reference}
              </a>
            ),
          },
          {
            content: (
              <>
                {row.claimantName}
                {row.tags.map((tag) => (
                  <Fragment key={tag.text}>
                    {" "}
                    <Tag text={tag.text} colour={tag.colour} />
                  </Fragment>
                ))}
              </>
            ),
          },
          { content: row.stateLabel },
          {
            content: row.urgent ? (
              <>
                {row.urgent.label}: <UrgencyTagView {...row.urgent.tag} />
              </>
            ) : (
              "None"
            ),
          },
          { content: row.start ? <UrgencyTagView {...row.start} /> : "Not running" },
          { content: row.caseworkerName },
          { content: row.siteName },
        ],
      }))}
    />
  );
}
