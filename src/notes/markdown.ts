// Notes as Markdown for a note app (Obsidian, Logseq, plain files): one file per article, or one for all.
// Each article: a heading (its headline), its publisher, date and address; then each note in reading order: the
// passage as a quotation with a link that opens the article at it (a text fragment, src/anchoring/fragment.ts),
// the note below, its tags as #tags and its colour. The link carries up to three words of the passage's context on
// each side, so it opens at the right one of several occurrences (test/notes/fragment.test.ts). Text from the reader or the article is escaped, so Markdown
// shows it as written (no accidental emphasis, headings, lists, links or HTML).

import type { PageCorrection } from "../analysis/corrections";
import { withTextFragment } from "../anchoring/fragment";
import { noteColourStyle } from "../model/colours";
import type { MarkdownFile, Note } from "../model/notes";

export interface MarkdownArticle {
  headline?: string;
  publisher: string;
  /** The article's date as the reader sees it ("Apr 1 2011", "about Jul 4 2011"). */
  dateLabel?: string;
  urls: string[];
}

/** Backslash-escapes what Markdown would read as markup; leading spaces kept as character references. */
export function escapeLine(line: string): string {
  const lead = /^ */.exec(line)?.[0].length ?? 0;
  let s = line
    .slice(lead)
    .replace(/[\\`*_{}[\]<>#|~!&$^]/g, "\\$&")
    .replace(/^([-+=:])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
  s = s.replace(/\t/g, "&#9;");
  return "&#32;".repeat(lead) + s;
}

/** A block of text: paragraphs kept, lines within a paragraph joined by hard breaks; `prefix` on every line. */
function block(text: string, prefix = ""): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== "")
        .map(escapeLine),
    )
    .filter((p) => p.length > 0);
  return paragraphs
    .map((lines) => lines.map((l, i) => `${prefix}${l}${i < lines.length - 1 ? "\\" : ""}`).join("\n"))
    .join(`\n${prefix.trimEnd()}\n`);
}

/** A tag as note apps read it: no spaces (made "-"), only letters, digits, "_", "-" and "/". */
export function hashtag(tag: string): string {
  const t = tag
    .normalize("NFC")
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}_\-/]/gu, "")
    .replace(/^[-/]+/, "");
  return t ? `#${/^\d+$/.test(t) ? `tag-${t}` : t}` : "";
}

/** Where a note's link goes: the article's known https address (else its first), else the note's own page. */
function baseUrl(note: Note, article: MarkdownArticle | undefined): string {
  return article?.urls.find((u) => u.startsWith("https:")) ?? article?.urls[0] ?? note.url;
}

/** The passage's link, with its context so that a passage that recurs opens at the right place. */
export function passageLink(note: Note, article: MarkdownArticle | undefined): string {
  return withTextFragment(baseUrl(note, article), note.target.exact, note.target);
}

const title = (id: string, a: MarkdownArticle | undefined) =>
  a ? (a.headline ?? `${a.publisher}, ${a.dateLabel ?? "undated"}`) : id;

function noteMarkdown(note: Note, article: MarkdownArticle | undefined): string {
  const tags = (note.tags ?? []).map(hashtag).filter(Boolean);
  const meta = [
    `Colour: ${noteColourStyle(note.colour).label}`,
    `written ${note.created.slice(0, 10)}`,
    ...(note.modified !== note.created ? [`edited ${note.modified.slice(0, 10)}`] : []),
  ].join(" · ");
  return [
    block(note.target.exact, "> "),
    ">",
    `> [Open the passage in the article](<${passageLink(note, article)}>)`,
    "",
    block(note.body),
    "",
    ...(tags.length ? [`Tags: ${tags.join(" ")}`, ""] : []),
    `*${escapeLine(meta)}*`,
  ].join("\n");
}

/** One article's section: heading, publisher, date, address, then its notes in reading order. */
export function articleMarkdown(
  articleId: string,
  notes: Note[],
  article: MarkdownArticle | undefined,
  level = 1,
): string {
  const h = "#".repeat(level);
  const address = article?.urls.find((u) => u.startsWith("https:")) ?? article?.urls[0] ?? notes[0]?.url;
  const sorted = [...notes].sort(
    (a, b) => a.target.start - b.target.start || a.created.localeCompare(b.created),
  );
  return [
    `${h} ${escapeLine(title(articleId, article))}`,
    "",
    `- Publisher: ${escapeLine(article?.publisher ?? "unknown")}`,
    `- Date: ${escapeLine(article?.dateLabel ?? "unknown")}`,
    ...(address ? [`- Address: <${address}>`] : []),
    "",
    sorted.map((n) => noteMarkdown(n, article)).join("\n\n---\n\n"),
    "",
  ].join("\n");
}

/** Characters file systems (or note apps' links) refuse in a file name, control characters included. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE_IN_NAME = /[\\/:*?"<>|#^[\]\u0000-\u001f]+/g;

/** A file name without characters file systems refuse, at most 120 characters. */
const fileName = (s: string) =>
  `${s.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim().slice(0, 120) || "notes"}.md`;

/** The notes as Markdown: one file per article ("article"), or one file with a section per article ("all"). */
export function exportMarkdown(
  notes: Note[],
  opts: { articles: Record<string, MarkdownArticle>; split: "article" | "all"; date: string },
): MarkdownFile[] {
  const byArticle = new Map<string, Note[]>();
  for (const n of notes) byArticle.set(n.articleId, [...(byArticle.get(n.articleId) ?? []), n]);
  const ids = [...byArticle.keys()].sort((a, b) =>
    title(a, opts.articles[a]).localeCompare(title(b, opts.articles[b])),
  );
  if (opts.split === "article")
    return ids.map((id) => {
      const a = opts.articles[id];
      return {
        name: fileName(a ? `${a.publisher} - ${title(id, a)}` : id),
        text: articleMarkdown(id, byArticle.get(id) ?? [], a),
      };
    });
  const sections = ids.map((id) => articleMarkdown(id, byArticle.get(id) ?? [], opts.articles[id], 2));
  return [
    {
      name: `source-annotator-notes-${opts.date}.md`,
      text: [
        "# Source Annotator notes",
        "",
        `${notes.length} note${notes.length === 1 ? "" : "s"} on ${ids.length} article${ids.length === 1 ? "" : "s"}, exported ${opts.date}.`,
        "",
        sections.join("\n"),
      ].join("\n"),
    },
  ];
}

// ---- The reader's corrections of attributions found on this device (decision 0009) ----

/** One correction as a list item: the passage's words and what the reader said of them. */
function correctionLine(c: PageCorrection): string {
  const what = c.correction.speaker
    ? `wrong speaker: said by ${escapeLine(c.correction.speaker)}`
    : "hidden (not an attribution)";
  const when = c.correction.at ? ` (${c.correction.at.slice(0, 10)})` : "";
  return `- “${escapeLine(c.passage)}” — ${what}${when}`;
}

/** One page's "Corrections" section, at heading `level`; its address when known. */
export function correctionsMarkdown(corrections: PageCorrection[], level = 2, withAddress = false): string {
  const url = corrections.find((c) => c.correction.url)?.correction.url;
  return [
    `${"#".repeat(level)} Corrections`,
    "",
    ...(withAddress ? [url ? `- Address: <${url}>` : "- Address: unknown", ""] : []),
    "Your corrections of the attributions found on this device:",
    "",
    ...corrections.map(correctionLine),
    "",
  ].join("\n");
}

/**
 * The Markdown export's files with a "Corrections" section for each page that has corrections: appended to the
 * page's own file ("article"; a file of its own when the page has no notes), or, in the one file ("all"), after
 * the articles, one section per page.
 */
export function withCorrectionsMarkdown(
  files: MarkdownFile[],
  corrections: PageCorrection[],
  opts: { articles: Record<string, MarkdownArticle>; split: "article" | "all" },
): MarkdownFile[] {
  const byPage = new Map<string, PageCorrection[]>();
  for (const c of corrections) byPage.set(c.pageId, [...(byPage.get(c.pageId) ?? []), c]);
  if (!byPage.size) return files;
  if (opts.split === "all") {
    const [first, ...rest] = files;
    const sections = [...byPage].map(([pageId, list]) => {
      const url = list.find((c) => c.correction.url)?.correction.url;
      return [`## ${escapeLine(url ?? pageId)}`, "", correctionsMarkdown(list, 3)].join("\n");
    });
    const text = [first?.text.trimEnd() ?? "# Source Annotator notes", "", ...sections].join("\n");
    return [{ name: first?.name ?? "source-annotator-notes.md", text }, ...rest];
  }
  const out = files.map((f) => ({ ...f }));
  for (const [pageId, list] of byPage) {
    const a = opts.articles[pageId];
    const name = fileName(a ? `${a.publisher} - ${title(pageId, a)}` : pageId);
    const mine = out.find((f) => f.name === name);
    if (mine) mine.text = [mine.text.trimEnd(), "", correctionsMarkdown(list, 2)].join("\n");
    else
      out.push({
        name,
        text: [`# ${escapeLine(title(pageId, a))}`, "", correctionsMarkdown(list, 2, true)].join("\n"),
      });
  }
  return out;
}
