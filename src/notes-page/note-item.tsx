// One note in the notes page's list (a row of the virtual list, which makes its list item): its article, the passage (clipped around the first match), the body with the
// search's matches marked, tags, colour, dates and a link to the passage. Text only, never HTML.
import type { ComponentChild } from "preact";
import type { Note } from "../model/notes";
import { matchNote, type TextRange } from "../notes/search";
import { ColourName, TagList } from "../shared/note-fields";
import { type ArticleInfo, articleLabel, passageLink, when } from "./labels";

const QUOTE_MAX = 240;

/**
 * At most `max` characters of `text`, around its first match when that would be cut off, with the ranges moved
 * to the excerpt; cut at word boundaries where possible.
 */
function clip(text: string, ranges: TextRange[], max: number) {
  if (text.length <= max) return { text, ranges, before: false, after: false };
  const first = ranges[0];
  let start = 0;
  if (first && first.end > max - 1) {
    start = Math.max(0, first.start - 60);
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  let end = Math.min(text.length, start + max - 1);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + max / 2) end = space;
    else if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  }
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start })),
    before: start > 0,
    after: end < text.length,
  };
}

/** Text with <mark> around the given ranges (sorted, not overlapping). */
function Marked({ text, ranges }: { text: string; ranges: TextRange[] }) {
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function NoteItem({
  note,
  terms,
  article,
  tabIndex,
}: {
  note: Note;
  /** The search's folded terms, marked where they occur. */
  terms: string[];
  article: ArticleInfo | undefined;
  tabIndex: number;
}) {
  const hit = (terms.length ? matchNote(note, terms) : null) ?? { note, body: [], exact: [] };
  const quote = clip(note.target.exact, hit.exact, QUOTE_MAX);
  const href = passageLink(note, article);
  const headingId = `note-h-${note.id}`;
  return (
    <article class="np-note" aria-labelledby={headingId} tabIndex={tabIndex}>
      <h3 id={headingId} class="np-article" data-testid="note-article">
        {articleLabel(note.articleId, article)}
      </h3>
      <blockquote data-testid="note-quote">
        {quote.before && "…"}
        <Marked text={quote.text} ranges={quote.ranges} />
        {quote.after && "…"}
      </blockquote>
      <p class="np-body" data-testid="note-text">
        <Marked text={note.body} ranges={hit.body} />
      </p>
      <TagList tags={note.tags} />
      <p class="np-meta">
        <ColourName colour={note.colour} />
        <span data-testid="note-dates">
          Written <time dateTime={note.created}>{when(note.created)}</time>
          {note.modified !== note.created && (
            <>
              {" · edited "}
              <time dateTime={note.modified}>{when(note.modified)}</time>
            </>
          )}
        </span>
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="note-open">
            Open in the article
            <span class="visually-hidden"> ({articleLabel(note.articleId, article)})</span>
          </a>
        )}
      </p>
    </article>
  );
}
