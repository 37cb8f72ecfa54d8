// Cleaning: decode HTML entities, separate page chrome from article text, and keep a map from every
// character of the cleaned text back to its offset in the captured document.
import { decodeHTML } from "entities";

export interface Removed {
  kind: string;
  text: string;
  rawStart: number;
}

export interface Cleaned {
  /** Article text: paragraphs separated by "\n\n". */
  text: string;
  /** rawOffset[i] is the offset in the raw document of text[i] ("\n\n" separators map to the paragraph end). */
  rawOffset: Int32Array;
  removed: Removed[];
  headline?: string;
  summary?: string;
  byline?: string;
  dateline?: string;
}

interface Line {
  text: string;
  map: number[];
}

/** Decode entities, keeping for each output character the raw offset it came from. */
export function decodeWithMap(raw: string): Line {
  const out: string[] = [];
  const map: number[] = [];
  const re = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    for (let i = last; i < m.index; i++) {
      out.push(raw[i] as string);
      map.push(i);
    }
    const decoded = decodeHTML(m[0]);
    for (const ch of decoded) {
      out.push(ch);
      map.push(m.index);
    }
    last = m.index + m[0].length;
  }
  for (let i = last; i < raw.length; i++) {
    out.push(raw[i] as string);
    map.push(i);
  }
  return { text: out.join(""), map };
}

// Lines that are page furniture, not article text. Patterns, not the three documents' sentences.
const CHROME: [RegExp, string][] = [
  [/^skip to\b/i, "navigation"],
  [/^(continued|story continues) (from|on) (page|p\.) ?\d+\.?$/i, "pagination"],
  [/^(page \d+( of \d+)?|next page|previous page)$/i, "pagination"],
  [/^(read|view|show|hide) (all |reader )?\d* ?comments?\b/i, "comments"],
  [/^(comment on this (story|article)|\d+ comments?|add a comment|post a comment)\b/i, "comments"],
  [/^(advertisement|story continues below advertisement|sponsored( content)?)$/i, "advertisement"],
  [
    /^(share( this)?( story| article)?|print( this)?( story| article)?|e-?mail( this)?( story| article)?|save|tweet|recommend)$/i,
    "tools",
  ],
  [
    /^(related( stories| articles| coverage)?|more (stories|from)\b.*|most (popular|viewed|read))$/i,
    "related",
  ],
];

const CREDIT = /^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\/(?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})$/;
const BYLINE = /^by\s+\S.{0,80}$/i;
const DATELINE = /^[A-Z][A-Za-z.'’ -]{1,30}, [A-Z][A-Za-z.'’ -]{1,30}$/;

export function classifyLine(line: string): string | null {
  for (const [re, kind] of CHROME) if (re.test(line)) return kind;
  return null;
}

export function clean(raw: string, meta: { headline?: string } = {}): Cleaned {
  const decoded = decodeWithMap(raw.replace(/\r\n?/g, "\n"));
  // Split into lines with their maps, trimmed.
  const lines: Line[] = [];
  let start = 0;
  const src = decoded.text;
  for (let i = 0; i <= src.length; i++) {
    if (i === src.length || src[i] === "\n") {
      let a = start;
      let b = i;
      while (a < b && /\s/.test(src[a] as string)) a++;
      while (b > a && /\s/.test(src[b - 1] as string)) b--;
      lines.push({ text: src.slice(a, b), map: decoded.map.slice(a, b) });
      start = i + 1;
    }
  }
  const nonEmpty = lines.filter((l) => l.text.length > 0);
  const kinds: (string | null)[] = nonEmpty.map((l) => classifyLine(l.text));
  const result: Cleaned = { text: "", rawOffset: new Int32Array(0), removed: [] };

  // Header: a byline within the first lines marks everything before it (after navigation) as headline + summary.
  const bylineAt = nonEmpty.findIndex((l, i) => i < 8 && BYLINE.test(l.text));
  if (bylineAt >= 0) {
    kinds[bylineAt] = "byline";
    result.byline = nonEmpty[bylineAt]?.text.replace(/^by\s+/i, "");
    let headerSeen = 0;
    for (let i = 0; i < bylineAt; i++) {
      if (kinds[i]) continue;
      const text = nonEmpty[i]?.text ?? "";
      if (headerSeen === 0 || text === meta.headline) {
        kinds[i] = "headline";
        result.headline = text;
      } else {
        kinds[i] = "summary";
        result.summary = result.summary ? `${result.summary} ${text}` : text;
      }
      headerSeen++;
    }
  }
  // Photo credit lines ("Ben Curtis/AP") and the caption right before them.
  nonEmpty.forEach((l, i) => {
    if (!kinds[i] && CREDIT.test(l.text) && l.text.length < 60) {
      kinds[i] = "photo-credit";
      if (i > 0 && !kinds[i - 1]) kinds[i - 1] = "photo-caption";
    }
  });
  // A short "City, Country" line right before the first body paragraph is the dateline.
  const firstBody = kinds.indexOf(null);
  if (firstBody >= 0 && DATELINE.test(nonEmpty[firstBody]?.text ?? "")) {
    kinds[firstBody] = "dateline";
    result.dateline = nonEmpty[firstBody]?.text;
  }

  const parts: string[] = [];
  const offsets: number[] = [];
  nonEmpty.forEach((l, i) => {
    const kind = kinds[i];
    if (kind) {
      result.removed.push({ kind, text: l.text, rawStart: l.map[0] ?? 0 });
      return;
    }
    if (parts.length) {
      const sepAt = offsets[offsets.length - 1] ?? 0;
      parts.push("\n\n");
      offsets.push(sepAt + 1, sepAt + 1);
    }
    parts.push(l.text);
    offsets.push(...l.map);
  });
  result.text = parts.join("");
  result.rawOffset = Int32Array.from(offsets);
  return result;
}
