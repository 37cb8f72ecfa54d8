// Markdown export, read back with a Markdown parser (markdown-it, CommonMark): every article's heading and
// details, every note's passage as a quotation with its text-fragment link, its body exactly, its tags.
import MarkdownIt, { type Token } from "markdown-it";
import { describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import {
  escapeLine,
  exportMarkdown,
  hashtag,
  type MarkdownArticle,
  passageLink,
} from "../../src/notes/markdown";
import { clock, freshStore, newNote, passage } from "./helpers";

const CSM_URL =
  "https://www.csmonitor.com/World/Middle-East/2011/0401/Libyan-rebels-offer-cease-fire.-Does-Qaddafi-have-the-upper-hand";
const ARTICLES: Record<string, MarkdownArticle> = {
  "nyt-libya-2011-07": { publisher: "The New York Times", dateLabel: "about Jul 4 2011", urls: [] },
  "csm-libya-2011-04-01": {
    publisher: "The Christian Science Monitor",
    headline: "Libyan rebels offer cease-fire. Does Qaddafi have the upper hand?",
    dateLabel: "Apr 1 2011",
    urls: [CSM_URL.replace("https:", "http:"), CSM_URL],
  },
};

async function samples(): Promise<Note[]> {
  const { store } = await freshStore(clock());
  await store.add(
    newNote({ body: "Plain note.", tags: ["council", "two words", "#hash"], colour: "violet" }),
  );
  await store.add(
    newNote({
      body: "# not a heading\n- not a list\n1. not a list either\n    four spaces, not code\n\nSecond *paragraph* with _under_ [link](x) <b>html</b> & `code` \\ backslash | pipe ~ tilde!",
      target: passage("TRIPOLI, Libya — “the rebels’ capital”", 0, "", " said"),
    }),
  );
  await store.add(
    newNote({
      articleId: "csm-libya-2011-04-01",
      url: CSM_URL,
      body: "Ünïcödé 🇱🇾, line one\r\nline two\n> not a quote",
      tags: ["ceasefire", "2011"],
      colour: "green",
      target: passage(
        "rebel forces would agree to a cease-fire if the Libyan leader pulled his loyalists out of cities and allowed peaceful protests.",
        593,
        "said today that ",
        "\n\nThe condition",
      ),
    }),
  );
  return store.listAll();
}

/** The text of an inline token, hard and soft breaks as "\n". */
const inlineText = (t: Token | undefined): string =>
  (t?.children ?? [])
    .map((c) =>
      c.type === "hardbreak" || c.type === "softbreak"
        ? "\n"
        : c.type === "text" || c.type === "code_inline"
          ? c.content
          : "",
    )
    .join("");

interface Parsed {
  headings: string[];
  quotes: string[];
  links: string[];
  paragraphs: string[];
  items: string[];
}

/** Headings, quotations (paragraphs inside a blockquote, joined), link targets, other paragraphs, list items. */
function parse(md: string): Parsed {
  const tokens = new MarkdownIt().parse(md, {});
  const out: Parsed = { headings: [], quotes: [], links: [], paragraphs: [], items: [] };
  let inQuote = 0;
  let inList = 0;
  let quote: string[] = [];
  for (const [i, t] of tokens.entries()) {
    if (t.type === "blockquote_open") inQuote++;
    if (t.type === "blockquote_close" && --inQuote === 0) {
      out.quotes.push(quote.join("\n\n"));
      quote = [];
    }
    if (t.type === "bullet_list_open") inList++;
    if (t.type === "bullet_list_close") inList--;
    if (t.type === "heading_open") out.headings.push(inlineText(tokens[i + 1]));
    if (t.type === "inline") {
      for (const c of t.children ?? [])
        if (c.type === "link_open") out.links.push(String(c.attrGet("href") ?? ""));
      const text = inlineText(t);
      if (tokens[i - 1]?.type !== "paragraph_open") continue;
      if (inQuote) {
        if (!(t.children ?? []).some((c) => c.type === "link_open")) quote.push(text);
      } else if (inList) out.items.push(text);
      else out.paragraphs.push(text);
    }
  }
  return out;
}

/** A note's text as Markdown can carry it: line ends trimmed, runs of blank lines made one. */
const comparable = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{2,}/g, "\n\n")
    .trim();

/** The passage a text directive names: its start (and end) words, decoded; its context left out. */
function directive(href: string): { start: string; end?: string } {
  const [, text] = /#:~:text=(.*)$/.exec(href) ?? [];
  const parts = (text ?? "").split(",").filter((p) => !p.endsWith("-") && !p.startsWith("-"));
  const [start, end] = parts.map((s) => decodeURIComponent(s));
  return { start: start ?? "", ...(end ? { end } : {}) };
}

describe("Markdown export", () => {
  test("one file per article: heading, publisher, date, address, every passage with its link, body and tags", async () => {
    const notes = await samples();
    const files = exportMarkdown(notes, { articles: ARTICLES, split: "article", date: "2026-12-05" });
    expect(files.map((f) => f.name)).toEqual([
      "The Christian Science Monitor - Libyan rebels offer cease-fire. Does Qaddafi have the upper hand.md",
      "The New York Times - The New York Times, about Jul 4 2011.md",
    ]);
    for (const file of files) {
      const p = parse(file.text);
      const articleId = file.name.includes("Monitor") ? "csm-libya-2011-04-01" : "nyt-libya-2011-07";
      const article = ARTICLES[articleId] as MarkdownArticle;
      expect(p.headings[0]).toBe(article.headline ?? `${article.publisher}, ${article.dateLabel}`);
      expect(p.items.slice(0, 2)).toEqual([`Publisher: ${article.publisher}`, `Date: ${article.dateLabel}`]);
      const own = notes.filter((n) => n.articleId === articleId);
      expect(p.quotes).toHaveLength(own.length);
      for (const note of own) {
        const at = p.quotes.indexOf(note.target.exact);
        expect(at, note.target.exact).toBeGreaterThanOrEqual(0);
        expect(p.links).toContain(passageLink(note, article));
        expect(p.paragraphs.join("\n\n")).toContain(comparable(note.body));
        for (const tag of note.tags ?? [])
          expect(p.paragraphs.some((x) => x.includes(hashtag(tag)))).toBe(true);
      }
    }
    const csm = parse(files[0]?.text ?? "");
    expect(csm.links[0]).toBe(CSM_URL); // the address, then the passage
    expect(csm.paragraphs).toContain("Tags: #ceasefire #tag-2011");
  });

  test("one file for all: every note and link is there, under its article's heading", async () => {
    const notes = await samples();
    const [file, more] = exportMarkdown(notes, { articles: ARTICLES, split: "all", date: "2026-12-05" });
    expect(more).toBeUndefined();
    expect(file?.name).toBe("source-annotator-notes-2026-12-05.md");
    const p = parse(file?.text ?? "");
    expect(p.headings).toEqual([
      "Source Annotator notes",
      "Libyan rebels offer cease-fire. Does Qaddafi have the upper hand?",
      "The New York Times, about Jul 4 2011",
    ]);
    expect(p.quotes.sort()).toEqual(notes.map((n) => n.target.exact).sort());
    for (const note of notes) {
      expect(p.links).toContain(passageLink(note, ARTICLES[note.articleId]));
      expect(p.paragraphs.join("\n\n")).toContain(comparable(note.body));
    }
    expect(p.paragraphs).toContain("Tags: #council #two-words #hash");
  });

  test("every link's text fragment names its passage: the whole of a short one, the first and last words of a long one", async () => {
    for (const note of await samples()) {
      const href = passageLink(note, ARTICLES[note.articleId]);
      const words = note.target.exact.replace(/\s+/g, " ").trim();
      const d = directive(href);
      if (d.end === undefined) expect(d.start).toBe(words);
      else {
        expect(words.startsWith(d.start)).toBe(true);
        expect(words.endsWith(d.end)).toBe(true);
        expect(words.indexOf(d.start)).toBe(0);
      }
      // Each part of the directive, its prefix "-" or suffix "-" marker aside, has no raw space, comma or dash.
      const parts = (href.split("#:~:text=")[1] ?? "").split(",");
      for (const p of parts) expect(p.replace(/^-|-$/g, "")).not.toMatch(/[\s,-]/);
    }
  });

  test("escaping: Markdown shows the text as written", () => {
    const md = new MarkdownIt();
    for (const line of [
      "# h",
      "- item",
      "+ item",
      "1. one",
      "2) two",
      "*a* _b_ `c` [d](e) <f> &amp; \\ | ~ ! $ ^",
      "    code?",
      "= setext",
      "> q",
    ]) {
      const tokens = md.parse(escapeLine(line), {});
      expect(tokens.map((t) => t.type)).toEqual(["paragraph_open", "inline", "paragraph_close"]);
      expect(inlineText(tokens[1])).toBe(line);
    }
  });
});
