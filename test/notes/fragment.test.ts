// The text-fragment links of the notes page and the Markdown export (src/anchoring/fragment.ts), read back as a
// browser reads them: the directive's terms are found in the article's text (case-insensitive, at word
// boundaries, whitespace collapsed; a prefix or suffix must touch its term with only spaces between, in the same
// paragraph), and the first match must be the passage itself. Every attribution, cross-reference and sentence of
// the dataset's articles is checked, with and without the passage's context.
import { describe, expect, test } from "vitest";
import { contextWords, withTextFragment } from "../../src/anchoring/fragment";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";

const { dataset } = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json"));

interface Passage {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
}

/** A passage of `text` with 32 characters of context, as a note records it. */
const at = (text: string, start: number, end: number): Passage => ({
  exact: text.slice(start, end),
  start,
  prefix: text.slice(Math.max(0, start - 32), start),
  suffix: text.slice(end, end + 32),
});

/** Every attribution, cross-reference end and name mention (most names recur), and every sentence, of an article. */
function passages(articleId: string, text: string): Passage[] {
  const out: Passage[] = [];
  for (const a of dataset.attributions.filter((x) => x.articleId === articleId)) out.push(a.target);
  for (const x of dataset.crossrefs)
    for (const end of x.ends) if (end.articleId === articleId) out.push(end.target);
  for (const e of dataset.entities)
    for (const m of e.mentions) if (m.articleId === articleId) out.push(at(text, m.start, m.end));
  for (const m of text.matchAll(/[^.!?\n]+[.!?]+/g)) {
    const exact = m[0].trim();
    if (exact.length < 12) continue;
    const start = text.indexOf(exact, m.index);
    out.push({
      exact,
      start,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
    });
  }
  return out;
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where a text directive lands in `text` (the index of its first character), or -1. */
export function land(text: string, href: string): number {
  const directive = href.split("#:~:text=")[1] ?? "";
  const parts = directive.split(",").map((p) => p);
  const prefix = parts[0]?.endsWith("-") ? decodeURIComponent(parts.shift()?.slice(0, -1) ?? "") : null;
  const suffix = parts[parts.length - 1]?.startsWith("-")
    ? decodeURIComponent(parts.pop()?.slice(1) ?? "")
    : null;
  const [start, end] = parts.map((p) => decodeURIComponent(p));
  const lower = text.toLowerCase();
  /** The end of `term` matched at `at` (whitespace runs in the term match any whitespace run), or -1. */
  const matchAt = (term: string, at: number): number => {
    let i = at;
    for (const [k, piece] of term.split(/\s+/).entries()) {
      if (k > 0) {
        if (!/\s/.test(text[i] ?? "")) return -1;
        while (/\s/.test(text[i] ?? "")) i++;
      }
      if (lower.slice(i, i + piece.length) !== piece.toLowerCase()) return -1;
      i += piece.length;
    }
    if (isWord(term[0]) && isWord(text[at - 1])) return -1;
    if (isWord(term[term.length - 1]) && isWord(text[i])) return -1;
    return i;
  };
  const skipSpaces = (i: number) => {
    while (text[i] === " " || text[i] === "\t") i++;
    return i;
  };
  for (let at = 0; at < text.length; at++) {
    let s = at;
    if (prefix !== null) {
      const p = matchAt(prefix, at);
      if (p < 0) continue;
      s = skipSpaces(p);
    }
    const afterStart = matchAt(start ?? "", s);
    if (afterStart < 0) continue;
    const ends: number[] = [];
    if (end === undefined) ends.push(afterStart);
    else
      for (let e = afterStart; e < text.length; e++) {
        const x = matchAt(end, e);
        if (x >= 0) ends.push(x);
      }
    for (const e of ends) if (suffix === null || matchAt(suffix, skipSpaces(e)) >= 0) return s;
  }
  return -1;
}

describe("text fragments", () => {
  const results = dataset.articles.map((a) => {
    const list = passages(a.id, a.text);
    const right = (context: boolean) =>
      list.filter((p) => {
        const href = withTextFragment("https://example.org/a", p.exact, context ? p : undefined);
        return land(a.text, href) === p.start + (p.exact.length - p.exact.trimStart().length);
      }).length;
    return { id: a.id, passages: list.length, withoutContext: right(false), withContext: right(true) };
  });

  test("with the passage's context, every link lands on its passage; without it, repeated words land on the first", () => {
    console.log(JSON.stringify(results));
    for (const r of results) expect(r.withContext, r.id).toBe(r.passages);
    expect(results.some((r) => r.withoutContext < r.passages)).toBe(true);
  });

  test("context words: at most three, inside the paragraph, never a cut word", () => {
    expect(contextWords('ls maintain that his regime is "', "prefix")).toBe('regime is "');
    expect(contextWords("end of one.\n\nSaid the", "prefix")).toBe("Said the");
    expect(contextWords('" from the inside.\n\nBenefiting f', "suffix")).toBe('" from the');
    expect(contextWords(" on Sunday, officials sa", "suffix")).toBe("on Sunday, officials");
    expect(contextWords("\n\nNext", "suffix")).toBe("");
  });

  test("the directive's syntax characters in context are encoded", () => {
    const href = withTextFragment("https://example.org/a#top", "the cease-fire", {
      prefix: "x a-b, c ",
      suffix: " d-e, f g",
    });
    expect(href).toBe("https://example.org/a#:~:text=a%2Db%2C%20c-,the%20cease%2Dfire,-d%2De%2C%20f");
  });
});
