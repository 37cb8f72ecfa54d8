// Seeded perturbations of an article's page: the article text is typo-edited (a few characters in a few paragraphs)
// and has paragraphs deleted, keeping for every character where it came from in the dataset text; then it is
// rendered as a publisher page whose markup is rewritten at random (p → div, wrappers, inline elements cut
// mid-word, entities and whitespace, curly/straight quotes, paragraphs split and joined, ads and widgets between
// and inside paragraphs, a pull quote). The record says exactly what was done, so a test can tell which
// targets' text is still on the page.
import type { Rng } from "./prng";

/** One character of the edited article: its text and its offset in the dataset text (-1: inserted by a typo). */
export interface Ch {
  c: string;
  src: number;
  /** Inserted by a typo, just before the character at `src` of the dataset text. */
  ins?: boolean;
}

export interface Typo {
  kind: "substitute" | "delete" | "insert" | "transpose";
  /** Dataset offsets of the characters the typo touched (for an insertion: the character it precedes). */
  at: number[];
  ins: boolean;
}

export interface Variant {
  seed: number;
  html: string;
  /** Paragraph boundaries in the dataset text: [start, end) of paragraph k. */
  paragraphs: { start: number; end: number }[];
  /** Paragraphs left out of the page entirely. */
  deleted: Set<number>;
  typos: Typo[];
  /** The edited characters of each paragraph (deleted paragraphs included, though not on the page). */
  chars: Ch[][];
  /** Dataset offsets before which an inline widget (text that is not the article's) was put. */
  widgetsAt: number[];
  /** What was done, for failure messages. */
  ops: string[];
}

type Para = { start: number; end: number };

export const WIDGET_ATTR = "data-widget";
export const PULLQUOTE_ATTR = "data-pullquote";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

// ---- widgets ---------------------------------------------------------------------------------------------------

/** Widgets that fit inside a <p> (phrasing content: the parser would otherwise close the paragraph). */
const INLINE_WIDGETS = [
  '<span class="ad-inline"><span>Advertisement</span> <a href="https://ads.example/c?id=9">Save 50% on your first year</a></span>',
  '<ins class="adsbygoogle" data-ad-slot="123">Sponsored: Try our new app today</ins>',
  '<button type="button" class="share">Share this article</button>',
  '<a class="inline-link" href="/topics/libya">Read more about Libya</a>',
  '<img src="/pixel.gif" alt="tracking pixel">',
  '<script>window.__ticks = (window.__ticks || 0) + 1; /* "Qaddafi" in a script */</script>',
  "<span hidden>hidden teaser text about the council</span>",
  '<span style="display:none">display none promo</span>',
  "<svg width='1' height='1'><text>svg label</text></svg>",
  '<iframe title="embed"></iframe>',
  '<sup class="footnote"><a href="#fn1">[1]</a></sup>',
];

/** Widgets for between paragraphs (or inside a <div> paragraph). */
const BLOCK_WIDGETS = [
  '<div class="ad-slot" id="div-gpt-ad-2"><span>Advertisement</span><a href="https://ads.example/c?id=9">Save 50% on your first year</a></div>',
  '<aside class="related-links"><h4>Related</h4><ul><li><a href="/libya-rebels">Libyan rebels seize oil town</a></li><li><a href="/nato">NATO widens air campaign</a></li></ul></aside>',
  '<div class="skip-next"><a href="#next">Skip to next paragraph</a></div><figure><img src="/photo.jpg" alt=""><figcaption>A rebel fighter near Brega. <span>Photo: Agency</span></figcaption></figure>',
  '<form class="newsletter"><label>Get the morning briefing <input type="email" placeholder="you@example.com"></label><button>Sign up</button></form>',
  '<div class="video-embed"><video src="/v.mp4">Your browser does not play video</video><p class="caption">Video: scenes from the front line</p></div>',
  '<table class="data"><tr><th>City</th><th>Status</th></tr><tr><td>Brega</td><td>contested</td></tr></table>',
  '<div class="comments-teaser"><h3>Comments (214)</h3><ul><li>Great reporting!</li><li>What about the oil?</li></ul></div>',
  '<noscript><p>Please enable JavaScript to view the comments.</p></noscript><script>document.documentElement.dataset.x = "1";</script>',
  '<div class="outbrain"><h4>From around the web</h4><ol><li>You won\'t believe these 10 photos</li><li>Doctors hate this trick</li></ol></div>',
  '<hr><div class="continue">Continue reading the main story</div><hr>',
];

const blockWidget = (w: string) => `<div class="widget" ${WIDGET_ATTR}>${w}</div>`;

// ---- encoding ----------------------------------------------------------------------------------------------------

function encodeChar(c: string, rng: Rng): string {
  switch (c) {
    case " ":
      return rng.pick([" ", " ", " ", " ", " ", " ", " ", "&nbsp;", "&#160;", "\n        ", "  ", "\t"]);
    case "’":
      return rng.pick(["’", "’", "&#8217;", "&rsquo;", "&#x2019;"]);
    case "‘":
      return rng.pick(["‘", "&#8216;", "&lsquo;"]);
    case "“":
      return rng.pick(["“", "“", "&#8220;", "&ldquo;", "&#x201C;"]);
    case "”":
      return rng.pick(["”", "”", "&#8221;", "&rdquo;", "&#x201d;"]);
    case "—":
      return rng.pick(["—", "&mdash;", "&#8212;"]);
    case "–":
      return rng.pick(["–", "&ndash;", "&#8211;"]);
    case "&":
      return rng.pick(["&amp;", "&#38;"]);
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return rng.pick(['"', '"', "&quot;", "&#34;"]);
    case "'":
      return rng.pick(["'", "'", "&#39;", "&apos;"]);
    default:
      return c;
  }
}

/** Markup that is no text at all, for inside words: a comment, <wbr>, an empty span, a soft hyphen, a ZWSP. */
const INVISIBLE = ["<!-- x -->", "<wbr>", "<span></span>", "&shy;", "&#8203;", "<!---->"];

const OUTER_TAGS = ["span", "em", "strong", "a", "b", "i", "mark", "cite", "font"];
const INNER_TAGS = ["span", "em", "strong", "b", "i"];
const open = (tag: string, rng: Rng) =>
  tag === "a"
    ? `<a href="/topics/${rng.int(100)}">`
    : tag === "font"
      ? '<font color="#333">'
      : tag === "span"
        ? `<span class="s${rng.int(10)}">`
        : `<${tag}>`;

interface Event {
  pos: number;
  /** 0: close, 1: insert, 2: open. */
  order: number;
  depth: number;
  html: string;
}

/**
 * A run of characters as phrasing HTML: entities and whitespace varied, inline elements opened and closed at
 * random positions (mid-word too), invisible markup and, if `widgets`, an inline widget or two.
 */
function renderRun(
  chars: Ch[],
  rng: Rng,
  opts: { widgets: boolean; ops: string[]; widgetsAt: number[] },
): string {
  const n = chars.length;
  const events: Event[] = [];
  // Disjoint outer intervals, each maybe with one inner interval.
  const intervals: [number, number][] = [];
  for (let k = rng.int(6); k > 0; k--) {
    const a = rng.int(n);
    const b = Math.min(n, a + rng.between(1, 60));
    if (intervals.some(([x, y]) => a < y && x < b)) continue;
    intervals.push([a, b]);
  }
  const links: [number, number][] = [];
  for (const [a, b] of intervals) {
    const tag = rng.pick(OUTER_TAGS);
    if (tag === "a") links.push([a, b]);
    events.push({ pos: a, order: 2, depth: 0, html: open(tag, rng) });
    events.push({ pos: b, order: 0, depth: 0, html: `</${tag}>` });
    if (b - a > 2 && rng.chance(0.3)) {
      const c = rng.between(a, b - 1);
      const d = rng.between(c + 1, b);
      const inner = rng.pick(INNER_TAGS);
      events.push({ pos: c, order: 2, depth: 1, html: open(inner, rng) });
      events.push({ pos: d, order: 0, depth: 1, html: `</${inner}>` });
    }
  }
  if (intervals.length) opts.ops.push(`inline elements ×${intervals.length}`);
  for (let k = rng.int(3); k > 0; k--)
    events.push({ pos: rng.int(n + 1), order: 1, depth: 0, html: rng.pick(INVISIBLE) });
  if (opts.widgets) {
    for (let k = rng.chance(0.35) ? rng.between(1, 2) : 0; k > 0; k--) {
      // Mid-sentence, at a word boundary (after a space) or, now and then, mid-word.
      const spaces = chars.flatMap((ch, i) => (ch.c === " " ? [i + 1] : []));
      const pos = spaces.length && rng.chance(0.8) ? rng.pick(spaces) : rng.int(n + 1);
      // A link inside a link would be taken apart by the parser (and the widget's text would leave its wrapper).
      const inLink = links.some(([a, b]) => pos > a && pos < b);
      const w = rng.pick(inLink ? INLINE_WIDGETS.filter((x) => !x.includes("<a")) : INLINE_WIDGETS);
      events.push({ pos, order: 1, depth: 0, html: `<span class="widget" ${WIDGET_ATTR}>${w}</span>` });
      const src = chars[pos]?.src ?? (chars[pos - 1]?.src ?? -1) + 1;
      opts.widgetsAt.push(src);
      opts.ops.push(`inline widget at ${src}`);
    }
  }
  events.sort(
    (x, y) =>
      x.pos - y.pos ||
      x.order - y.order ||
      (x.order === 0 ? y.depth - x.depth : x.order === 2 ? x.depth - y.depth : 0),
  );
  let out = "";
  let e = 0;
  for (let i = 0; i <= n; i++) {
    while (e < events.length && (events[e] as Event).pos === i) out += (events[e++] as Event).html;
    if (i < n) out += encodeChar((chars[i] as Ch).c, rng);
  }
  return out;
}

// ---- the article's text: typos, quotes, deleted paragraphs ----------------------------------------------------------

function typo(chars: Ch[], rng: Rng): Typo | null {
  // Inside a word: a letter with letters on both sides.
  const inner = chars.flatMap((ch, i) =>
    isLetter(ch.c) && isLetter(chars[i - 1]?.c) && isLetter(chars[i + 1]?.c) && ch.src >= 0 ? [i] : [],
  );
  if (!inner.length) return null;
  const i = rng.pick(inner);
  const ch = chars[i] as Ch;
  const kind = rng.pick(["substitute", "delete", "insert", "transpose"] as const);
  const other = (c: string) => {
    let l = rng.pick([...LETTERS]);
    while (l === c.toLowerCase()) l = rng.pick([...LETTERS]);
    return l;
  };
  switch (kind) {
    case "substitute":
      chars[i] = { c: other(ch.c), src: ch.src };
      return { kind, at: [ch.src], ins: false };
    case "delete":
      chars.splice(i, 1);
      return { kind, at: [ch.src], ins: false };
    case "insert":
      chars.splice(i, 0, { c: other(ch.c), src: ch.src, ins: true });
      return { kind, at: [ch.src], ins: true };
    case "transpose": {
      const next = chars[i + 1] as Ch;
      if (next.c.toLowerCase() === ch.c.toLowerCase() || next.src < 0) return null;
      chars[i] = next;
      chars[i + 1] = ch;
      return { kind, at: [ch.src, next.src], ins: false };
    }
  }
}

function requote(chars: Ch[], mode: "straight" | "curly"): void {
  let open = true;
  for (const ch of chars) {
    if (mode === "straight") {
      if (ch.c === "’" || ch.c === "‘") ch.c = "'";
      else if (ch.c === "“" || ch.c === "”") ch.c = '"';
    } else if (ch.c === "'") ch.c = "’";
    else if (ch.c === '"') {
      ch.c = open ? "“" : "”";
      open = !open;
    }
  }
}

// ---- the page ----------------------------------------------------------------------------------------------------

/** One perturbed page of an article whose text has paragraphs separated by "\n\n". */
export function perturb(text: string, rng: Rng, opts: { deleteParagraphs?: number[] } = {}): Variant {
  const ops: string[] = [];
  const paragraphs: Para[] = [];
  for (let start = 0; start <= text.length; ) {
    const br = text.indexOf("\n\n", start);
    const end = br === -1 ? text.length : br;
    paragraphs.push({ start, end });
    start = end + 2;
    if (br === -1) break;
  }
  const chars: Ch[][] = paragraphs.map(({ start, end }) =>
    [...text.slice(start, end)].map((c, k) => ({ c, src: start + k })),
  );
  // Astral characters would take two offsets: the three articles have none.
  chars.forEach((cs, k) => {
    const p = paragraphs[k] as Para;
    if (cs.length !== p.end - p.start)
      throw new Error("astral characters are not supported by the generator");
  });

  // "A few characters edited in a few paragraphs".
  const typos: Typo[] = [];
  if (rng.chance(0.7)) {
    for (const k of rng.sample(
      paragraphs.map((_, i) => i),
      rng.between(1, 3),
    )) {
      for (let t = rng.between(1, 3); t > 0; t--) {
        const done = typo(chars[k] as Ch[], rng);
        if (done) typos.push(done);
      }
    }
    ops.push(`typos: ${typos.map((t) => `${t.kind}@${t.at.join("/")}`).join(", ")}`);
  }
  // Curly and straight quotes swapped, per paragraph.
  const quoteMode = rng.pick(["keep", "straight", "curly", "mixed"] as const);
  if (quoteMode !== "keep") {
    ops.push(`quotes: ${quoteMode}`);
    for (const cs of chars)
      if (quoteMode !== "mixed" || rng.chance(0.5))
        requote(cs, quoteMode === "mixed" ? rng.pick(["straight", "curly"] as const) : quoteMode);
  }
  // A whole paragraph removed (a "read more" cut, an edited story).
  const deleted = new Set<number>(opts.deleteParagraphs);
  if (deleted.size) ops.push(`deleted paragraphs ${[...deleted].join(", ")}`);
  else if (rng.chance(0.4)) {
    for (let n = rng.chance(0.3) ? 2 : 1; n > 0; n--) deleted.add(rng.int(paragraphs.length));
    ops.push(`deleted paragraphs ${[...deleted].join(", ")}`);
  }

  // Units: surviving paragraphs, some joined with the next (with a space, <br>, or nothing at all).
  const kept = paragraphs.map((_, i) => i).filter((i) => !deleted.has(i));
  const units: { paras: number[]; seps: string[] }[] = [];
  for (const k of kept) {
    const last = units[units.length - 1];
    if (last && last.paras.length < 3 && rng.chance(0.12)) {
      const sep = rng.pick([" ", "<br>", "<br><br>", "\n", "", "<br>\n"]);
      last.paras.push(k);
      last.seps.push(sep);
      ops.push(`joined ${last.paras.join("+")} with ${JSON.stringify(sep)}`);
    } else units.push({ paras: [k], seps: [] });
  }

  // Pull quote: one sentence of the article, repeated in a widget at least two paragraphs away from it (from any
  // paragraph, typos included: the quote with the typo must still be found, not its verbatim pull quote).
  let pull: { html: string; beforeUnit: number } | null = null;
  if (rng.chance(0.25) && units.length > 4) {
    const k = rng.pick(kept);
    const para = text.slice((paragraphs[k] as Para).start, (paragraphs[k] as Para).end);
    const sentence = para.match(/[^.!?]{30,}[.!?]+[”"]?/)?.[0]?.trim();
    const far = units
      .map((_u, i) => i)
      .filter((i) => (units[i] as { paras: number[] }).paras.every((p) => Math.abs(p - k) > 2));
    if (sentence && far.length) {
      const beforeUnit = rng.pick(far);
      pull = {
        html: `<blockquote class="pullquote" ${PULLQUOTE_ATTR}><p>${sentence.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p><cite>From the article</cite></blockquote>`,
        beforeUnit,
      };
      ops.push(`pull quote from paragraph ${k} before unit ${beforeUnit}`);
    }
  }

  const blocks: string[] = [];
  const widgetsAt: number[] = [];
  units.forEach((u, ui) => {
    if (pull?.beforeUnit === ui) blocks.push(pull.html);
    if (ui > 0 && rng.chance(0.3)) {
      blocks.push(blockWidget(rng.pick(BLOCK_WIDGETS)));
      ops.push(`widget before unit ${ui}`);
    }
    // The unit's characters, with separators between joined paragraphs (as markup, kept apart).
    const pieces: { chars: Ch[]; sep?: string }[] = u.paras.map((p, j) => ({
      chars: chars[p] as Ch[],
      sep: j > 0 ? u.seps[j - 1] : undefined,
    }));
    // Split a paragraph in two (at a space) now and then: the page shows two blocks for it.
    const parts: { chars: Ch[]; sep?: string }[][] = [[]];
    for (const piece of pieces) {
      const cur = parts[parts.length - 1] as { chars: Ch[]; sep?: string }[];
      const spaces = piece.chars.flatMap((ch, i) => (ch.c === " " && i > 10 ? [i] : []));
      if (spaces.length && rng.chance(0.15)) {
        const at = rng.pick(spaces);
        cur.push({ chars: piece.chars.slice(0, at), sep: piece.sep });
        parts.push([{ chars: piece.chars.slice(at + 1) }]);
        ops.push(`split paragraph ${u.paras.join("+")} at ${at}`);
      } else cur.push(piece);
    }
    const dataP = u.paras.join(" ");
    const kind = rng.pick(["p", "p", "p", "p", "p", "div", "div", "wrapped", "section", "rich"] as const);
    parts.forEach((part, pi) => {
      if (pi > 0 && rng.chance(0.3)) {
        blocks.push(blockWidget(rng.pick(BLOCK_WIDGETS)));
        const src = part[0]?.chars[0]?.src ?? -1;
        widgetsAt.push(src);
        ops.push(`widget in split paragraph at ${src}`);
      }
      const inner = part
        .map((piece) => (piece.sep ?? "") + renderRun(piece.chars, rng, { widgets: true, ops, widgetsAt }))
        .join("");
      // A <div> paragraph may end with an ad: between the parts of a split paragraph, that is inside it.
      const endAd = kind === "div" && rng.chance(0.3) ? blockWidget(BLOCK_WIDGETS[0] as string) : "";
      const next = parts[pi + 1]?.[0]?.chars[0]?.src;
      if (endAd && next !== undefined) {
        widgetsAt.push(next);
        ops.push(`ad in split paragraph at ${next}`);
      }
      const block =
        kind === "p"
          ? `<p data-p="${dataP}">${inner}</p>`
          : kind === "div"
            ? `<div class="para" data-p="${dataP}">${inner}${endAd}</div>`
            : kind === "wrapped"
              ? `<div class="story-body"><div class="para-wrap"><div data-p="${dataP}">${inner}</div></div></div>`
              : kind === "section"
                ? `<section class="block"><p data-p="${dataP}">${inner}</p></section>`
                : `<div class="rich-text" data-p="${dataP}"><span class="text">${inner}</span></div>`;
      blocks.push(block);
    });
    if (kind !== "p") ops.push(`unit ${ui} as ${kind}`);
  });

  const sep = rng.pick(["\n", "\n      ", "", " "]);
  const html = `
  <header class="masthead"><a class="skip" href="#content">Skip to content</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/world/africa">Africa</a></li></ul></nav>
    <div class="ad-slot ad-top">Advertisement</div></header>
  <main id="content"><article>
    <h1>Reports from Libya</h1><div class="byline">By <a href="/by/staff">Staff</a> <time>2011</time></div>
    ${blocks.join(sep)}
  </article></main>
  <footer><p>&copy; 2011 The Publisher Company</p><a href="/privacy">Privacy</a></footer>
  <script type="application/ld+json">${JSON.stringify({ articleBody: text }).replace(/</g, "\\u003c")}</script>
  <div id="sa-root" data-sa-ignore><div class="sa-card">${text.slice(0, 200).replace(/&/g, "&amp;").replace(/</g, "&lt;")}</div></div>`;
  return { seed: rng.seed, html, paragraphs, deleted, typos, chars, widgetsAt, ops };
}

/**
 * The text of dataset span [start, end) as the page now has it (typos applied; deleted paragraphs left out;
 * paragraphs separated by "\n\n").
 */
export function editedText(v: Variant, start: number, end: number): string {
  const out: string[] = [];
  v.paragraphs.forEach((p, k) => {
    if (p.end <= start || p.start >= end || v.deleted.has(k)) return;
    out.push(
      (v.chars[k] as Ch[])
        .filter((ch) => (ch.ins ? ch.src > start && ch.src < end : ch.src >= start && ch.src < end))
        .map((ch) => ch.c)
        .join(""),
    );
  });
  return out.join("\n\n");
}

/** Paragraphs (indices) a dataset span touches. */
export function paragraphsOf(v: Variant, start: number, end: number): number[] {
  return v.paragraphs.flatMap((p, k) => (p.start < end && p.end > start ? [k] : []));
}

/** Typos inside dataset span [start, end). */
export function typosIn(v: Variant, start: number, end: number): number {
  return v.typos.filter((t) =>
    t.ins ? t.at.some((a) => a > start && a < end) : t.at.some((a) => a >= start && a < end),
  ).length;
}
