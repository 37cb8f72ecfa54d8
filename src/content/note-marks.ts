// The reader's notes, in their colours, as boxes for our closed mark layer (marks.ts), never in the page-shared
// highlight registry, which any page script can read. Boxes are multiplied into a light page (screened into a dark
// one), so the page's text keeps its colour under them, as under a highlighter.

import { noteColourStyle } from "../model/colours";
import type { NoteAnchor, Visibility } from "../model/protocol";
import { noteColourVisible } from "../model/visibility";
import type { Mark } from "./marks";
import type { Anchor } from "./targets";

/** The marks of the placed notes whose colour the switches show. */
export function noteMarks(
  placed: readonly Anchor[],
  notes: readonly NoteAnchor[],
  v: Visibility,
  dark: boolean,
): Mark[] {
  const colours = new Map(notes.map((n) => [n.id, n.colour]));
  return placed
    .filter((a) => a.ref.kind === "note" && noteColourVisible(v, colours.get(a.ref.id)))
    .map((a) => {
      const style = noteColourStyle(colours.get(a.ref.id))[dark ? "dark" : "light"];
      return { range: a.range, colour: style.background, line: style.line };
    });
}

/** Whether the page is dark: its body's (else its root's) background colour (computed style: read after a rendered
 *  frame, never in a paint; see ArticleSession.schemeAfterFrame). */
export function pageIsDark(doc: Document): boolean {
  const win = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    const m =
      el &&
      win &&
      /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || m[4] === "0") continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
  }
  return false;
}
