"use client";

import { classNames } from "../class-names";
import { Tag, type TagProps } from "./Tag";

export interface TaskListItem {
  title: string;
  /** Omit when the task cannot be started yet. */
  href?: string;
  hint?: string;
  /** Plain text (e.g. "Completed", "Cannot start yet") or a tag for states that need attention. */
  status: { text: string } | { tag: TagProps };
}

export interface TaskListProps {
  items: readonly TaskListItem[];
  idPrefix?: string;
}

/** GOV.UK task list: each task's link is described by its hint and status. */
export function TaskList({ items, idPrefix = "task-list" }: TaskListProps) {
  return (
    <ul className="govuk-task-list">
      {items.map((item, index) => {
        const position = index + 1;
        const hintId = `${idPrefix}-${position}-hint`;
        const statusId = `${idPrefix}-${position}-status`;
        const status = item.status;
        return (
          <li
            key={`${position}:${item.title}`}
            className={classNames("govuk-task-list__item", item.href && "govuk-task-list__item--with-link")}
          >
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  className="govuk-link govuk-task-list__link"
                  href={item.href}
                  aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}
                >
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint && (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              )}
            </div>
            <div
              className={classNames("govuk-task-list__status", "text" in status && !item.href && "govuk-task-list__status--cannot-start-yet")}
              id={statusId}
            >
              {"tag" in status ? <Tag {...status.tag} /> : status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
