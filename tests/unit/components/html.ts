import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Test helpers: render to static HTML and read tags back without a DOM (node environment). */

export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Offset of the tag in the markup, for order assertions. */
  index: number;
}

export function render(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, entity: string) => ENTITIES[entity]);
}

export function tags(html: string, name?: string): Tag[] {
  const found: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const attr of match[2].matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)) {
      // HTML attribute names are case-insensitive; React writes some in camelCase (autoComplete).
      attrs[attr[1].toLowerCase()] = decode(attr[2] ?? "");
    }
    if (name === undefined || match[1] === name) found.push({ name: match[1], attrs, index: match.index ?? 0 });
  }
  return found;
}

export function byId(html: string, id: string): Tag {
  const tag = tags(html).find((candidate) => candidate.attrs.id === id);
  if (!tag) throw new Error(`no element with id="${id}" in ${html}`);
  return tag;
}

export function hasClass(tag: Tag, className: string): boolean {
  return (tag.attrs.class ?? "").split(/\s+/).includes(className);
}

/** The text content of the element that starts at `tag` (its markup up to the matching close). */
export function textOf(html: string, tag: Tag): string {
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag.name}\\b[^>]*>`, "g");
  pattern.lastIndex = tag.index;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] === "/" ? -1 : 1;
    if (depth === 0) {
      const inner = html.slice(html.indexOf(">", tag.index) + 1, match.index);
      return decode(inner.replace(/<[^>]*>/g, ""));
    }
  }
  throw new Error(`unclosed <${tag.name}>`);
}

export function describedByIds(tag: Tag): string[] {
  return (tag.attrs["aria-describedby"] ?? "").split(/\s+/).filter(Boolean);
}
