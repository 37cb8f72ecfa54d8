// Paragraphs, quotations and sentences over cleaned article text, all as offsets into that text.

import type { Span } from "./types";

export type { Span };

export interface Paragraph extends Span {
  index: number;
}

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ index: out.length, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const OPEN_DQ = "“„«";
const CLOSE_DQ = "”»";

/** A quotation: offsets of the words inside the marks. `close` is false for a paragraph that ends inside it. */
export interface QuotePart extends Span {
  paragraph: number;
  openMark: number;
  closeMark: number | null;
}

/** A quotation as the reader sees it: one or more parts, over several paragraphs when an opening mark has no close. */
export interface Quotation {
  parts: QuotePart[];
  start: number;
  end: number;
}

function isOpeningStraight(text: string, i: number, paraStart: number): boolean {
  const before = i > paraStart ? (text[i - 1] as string) : " ";
  const after = text[i + 1] ?? " ";
  if (/\s/.test(after)) return false;
  return /[\s([{—–-]/.test(before) || i === paraStart;
}

/** Find the quotation parts in one paragraph: curly and straight double quotes, openers and closers told apart. */
export function quoteParts(text: string, para: Paragraph): QuotePart[] {
  const parts: QuotePart[] = [];
  let open: number | null = null;
  for (let i = para.start; i < para.end; i++) {
    const ch = text[i] as string;
    let opening: boolean | null = null;
    if (OPEN_DQ.includes(ch)) opening = true;
    else if (CLOSE_DQ.includes(ch)) opening = false;
    else if (ch === '"') opening = open === null ? isOpeningStraight(text, i, para.start) : false;
    if (opening === null) continue;
    if (opening && open === null) open = i;
    else if (!opening && open !== null) {
      parts.push({ paragraph: para.index, openMark: open, closeMark: i, start: open + 1, end: i });
      open = null;
    }
  }
  if (open !== null)
    parts.push({ paragraph: para.index, openMark: open, closeMark: null, start: open + 1, end: para.end });
  return parts;
}

const LETTER = /[\p{L}\p{N}]/u;
const CUE_AFTER_S =
  /^\s(?:he|she|they|we|i|it|said|says|say|added|adds|told|tells|wrote|writes|asked|replied)\b/;

/**
 * Quotation parts in British style, where ‘…’ quotes and ’ is also the apostrophe: an opener follows a space, a
 * dash or a bracket; a closer is a ’ not followed by a letter ("don’t") and not a plural possessive ("players’
 * character"). Double marks inside are nested speech.
 */
export function singleQuoteParts(text: string, para: Paragraph): QuotePart[] {
  const parts: QuotePart[] = [];
  let open: number | null = null;
  for (let i = para.start; i < para.end; i++) {
    const ch = text[i] as string;
    if (ch === "‘" && open === null) {
      const before = i > para.start ? (text[i - 1] as string) : " ";
      if (/[\s([{—–\-“"]/.test(before) || i === para.start) open = i;
    } else if (ch === "’" && open !== null) {
      const next = text[i + 1] ?? " ";
      if (LETTER.test(next)) continue;
      const prev = text[i - 1] ?? "";
      const rest = text.slice(i + 1, i + 12).toLowerCase();
      if (/s/i.test(prev) && /^\s\p{Ll}/u.test(rest) && !CUE_AFTER_S.test(rest)) continue;
      parts.push({ paragraph: para.index, openMark: open, closeMark: i, start: open + 1, end: i });
      open = null;
    }
  }
  if (open !== null)
    parts.push({ paragraph: para.index, openMark: open, closeMark: null, start: open + 1, end: para.end });
  return parts;
}

/**
 * British single quotation marks are the text's quotation marks when it has two ‘…’ or more and more of them than
 * double ones: a British article quotes someone quoting ("‘Dad told me, “Nobody comes.”’") in double marks, so a
 * few “…” inside do not make it American.
 */
export function usesSingleQuotes(text: string): boolean {
  if (/[„«»]/.test(text)) return false;
  const singles = (text.match(/(?:^|[\s(—–-])‘\S/g) ?? []).length;
  const doubles = (text.match(/“|(?:^|[\s(—–-])"\S[^"\n]*"/g) ?? []).length;
  return singles >= 2 && singles > doubles;
}

/**
 * All quotations of a text. A part left open at the end of its paragraph continues into the next paragraph
 * when that paragraph opens with a quotation mark (the newspaper convention for multi-paragraph quotes).
 */
export function quotations(text: string, paras: Paragraph[]): Quotation[] {
  const out: Quotation[] = [];
  let pending: Quotation | null = null;
  const partsOf = usesSingleQuotes(text) ? singleQuoteParts : quoteParts;
  for (const para of paras) {
    const parts = partsOf(text, para);
    for (const [k, part] of parts.entries()) {
      const open: Quotation | null = pending;
      if (open && k === 0 && part.openMark === para.start) {
        open.parts.push(part);
        open.end = part.end;
      } else {
        if (open) out.push(open);
        pending = { parts: [part], start: part.start, end: part.end };
      }
      if (pending && part.closeMark !== null) {
        out.push(pending);
        pending = null;
      }
    }
    const still: Quotation | null = pending;
    if (still && still.parts[still.parts.length - 1]?.paragraph !== para.index) {
      out.push(still);
      pending = null;
    }
  }
  const last: Quotation | null = pending;
  if (last) out.push(last);
  return out.map(trimQuotation(text));
}

/** Trailing commas and spaces inside the closing mark belong to the sentence, not the speaker. */
function trimQuotation(text: string) {
  return (q: Quotation): Quotation => {
    let start = q.start;
    let end = q.end;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /[\s,]/.test(text[end - 1] as string)) end--;
    return { ...q, start, end };
  };
}

// Abbreviations after which a period does not end a sentence.
const ABBREV = new Set(
  "mr mrs ms dr col gen lt sgt capt maj sen rep gov prof st jr sr mt ft no vs etc jan feb mar apr jun jul aug sep sept oct nov dec adm cmdr gov pres messrs rev hon".split(
    " ",
  ),
);

/**
 * Sentences of one paragraph. A boundary is [.?!] (plus closing marks) then space then a capital or an
 * opening mark; not after an abbreviation or an initial, and never inside a quotation.
 */
export function sentences(text: string, para: Span, quotes: Span[] = []): Span[] {
  const out: Span[] = [];
  let start = para.start;
  const inQuote = (i: number) => quotes.some((q) => i > q.start && i < q.end);
  for (let i = para.start; i < para.end; i++) {
    const ch = text[i] as string;
    if (!/[.?!]/.test(ch)) continue;
    let j = i + 1;
    while (j < para.end && /["”’')\]]/.test(text[j] as string)) j++;
    if (j >= para.end || !/\s/.test(text[j] as string)) continue;
    let k = j;
    while (k < para.end && /\s/.test(text[k] as string)) k++;
    if (k >= para.end || !/[A-Z“"‘(0-9]/.test(text[k] as string)) continue;
    if (ch === ".") {
      // The word before the period, as a whole ("Mr", "U.S", "J"), not the end of "A&E" or "1990s".
      const word = /(?:^|[\s(“"‘])([A-Za-z.]+)$/.exec(text.slice(Math.max(para.start, i - 12), i))?.[1] ?? "";
      if (ABBREV.has(word.toLowerCase()) || /^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) continue;
      // A dateline's state or region: "WELLBY, Ore. (AP) — …", "SALEM, Mass. — …".
      if (/^\p{Lu}[\p{Lu}\s.'’-]{1,40},\s*\p{Lu}[\p{L}.]{1,6}$/u.test(text.slice(para.start, i))) continue;
    }
    if (inQuote(i + 1)) continue;
    out.push({ start, end: j });
    start = k;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}

export interface Token extends Span {
  text: string;
}

export function tokens(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}.]|[\p{L}\p{N}]/gu;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    let t = m[0];
    // A trailing period belongs to the token only for abbreviations and initials ("Mr.", "U.N.").
    if (t.endsWith(".") && !ABBREV.has(t.slice(0, -1).toLowerCase()) && !/^(?:[A-Za-z]\.)+$/.test(t))
      t = t.slice(0, -1);
    out.push({ text: t, start: span.start + m.index, end: span.start + m.index + t.length });
  }
  return out;
}

export function makeTarget(text: string, start: number, end: number, context = 32) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
    end,
  };
}
