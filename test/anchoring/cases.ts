// Table of anchoring cases (in the style of Apache Annotator's match-cases): a page, a target computed from the
// cleaned article text, and what the anchored Range must read.

import type { MatchMethod } from "../../src/anchoring/match-quote";
import type { TextTarget } from "../../src/model/dataset";
import {
  AD,
  AD_TEXT,
  csm,
  curly,
  edit,
  entities,
  esc,
  html,
  nyt,
  page,
  RELATED,
  RELATED_TEXT,
  span,
  straight,
  targetOf,
} from "./fixtures";

export interface AnchorCase {
  html: string;
  target: TextTarget;
  /** null: the target must be orphaned. Otherwise the Range must read `text` (whitespace-insensitive, normalised). */
  expected: null | {
    method: MatchMethod;
    text: string;
    /** A selector the Range's start must be inside (to tell which occurrence was taken). */
    within?: string;
  };
}

/** A copy of `list` with item i replaced. */
const at = <T>(list: T[], i: number, f: (x: T) => T): T[] => list.map((x, k) => (k === i ? f(x) : x));

// --- The New York Times article -------------------------------------------------------------------------
const N = html(nyt);
const nytPage = (paras: string[], opts: Parameters<typeof page>[1] = {}) =>
  page(paras, { headline: "Libyan Rebel Leader Offers Qaddafi Option to Stay", jsonLd: nyt.text, ...opts });

const EITHER = "“Either he leaves the country, or he goes to prison,”";
const either = targetOf(nyt.text, EITHER);
/** The statement over two paragraphs, from “The N.T.C. has at all times” to “against our civilians.” */
const NTC = span(nyt.text, "The N.T.C. has at all times", "against our civilians.");
const ntc = targetOf(nyt.text, NTC);
const LEAD = nyt.paragraphs[0] as string;
const NO_ESCAPE = "There is no escape clause for Qaddafi — he must be removed from power and face justice.";
const OFFER = nyt.paragraphs[5] as string;
const OFFER_SPLIT = "Colonel Qaddafi ";
const INLINE_AD =
  '<span class="ad-inline"><span>Advertisement</span> <a href="https://ads.example/c?id=9">Save 50% on your first year</a></span> ';

// --- The Christian Science Monitor article --------------------------------------------------------------
// Dataset text has straight quotes and apostrophes in places; the page shows curly ones everywhere.
const C = html(csm).map((p, i) =>
  i === 0
    ? `<p id="p0" class="deck">${curly(p)}</p>`
    : i === 6
      ? `<h2 id="p6">${p.toUpperCase()}</h2>`
      : curly(p),
);
const csmPage = (paras: string[], opts: Parameters<typeof page>[1] = {}) =>
  page(paras, {
    headline: "Libyan rebels offer cease-fire. Does Qaddafi have the upper hand?",
    jsonLd: csm.text,
    ...opts,
  });
const CRUMBLING = 'his regime is "crumbling" from the inside';
const ACROSS_FIGURE = span(csm.text, "even as British and other Western officials", "to target by air.");
const FIGURE =
  '<div class="skip-next"><a href="#p2">Skip to next paragraph</a></div><figure><img src="/photo.jpg" alt="">' +
  "<figcaption>Mustafa Abdul-Jalil hugs U.N. envoy Abdelilah Al-Khatib. <span>Ben Curtis/AP</span></figcaption></figure>";
const FIGURE_TEXT =
  "Skip to next paragraph Mustafa Abdul-Jalil hugs U.N. envoy Abdelilah Al-Khatib. Ben Curtis/AP";

export const cases: Record<string, AnchorCase> = {
  "sentence in a plain paragraph": {
    html: nytPage(N),
    target: either,
    expected: { method: "exact", text: EITHER, within: "#p7" },
  },
  "quote split across <a>, <em> and <span>": {
    html: nytPage(
      at(N, 7, (p) =>
        edit(
          p,
          "leaves the country, or he goes to prison",
          'leaves the <em>country</em>, or <a href="/topics/eissa">he goes</a> to pri<span class="x">son</span>',
        ),
      ),
    ),
    target: either,
    expected: { method: "exact", text: EITHER },
  },
  "entities and &nbsp;": {
    html: nytPage(
      at(N, 7, (p) => edit(edit(entities(p), "country, or", "country,&nbsp;or"), "he goes", "he&nbsp;goes")),
    ),
    target: either,
    expected: { method: "exact", text: EITHER },
  },
  "numeric entities for curly quotes": {
    html: csmPage(at(C, 4, (p) => p.replace(/“/g, "&#8220;").replace(/”/g, "&#x201D;"))),
    target: targetOf(csm.text, "“that the Qaddafi brigades and forces withdraw"),
    expected: { method: "exact", text: "“that the Qaddafi brigades and forces withdraw" },
  },
  "straight quotes on the page, curly in the dataset": {
    html: nytPage(at(N, 7, straight)),
    target: either,
    expected: { method: "exact", text: straight(EITHER) },
  },
  "curly quotes on the page, straight in the dataset (body occurrence)": {
    html: csmPage(C),
    target: targetOf(csm.text, CRUMBLING, 1),
    expected: { method: "exact", text: CRUMBLING, within: "#p1" },
  },
  "curly quotes on the page, straight in the dataset (deck occurrence)": {
    html: csmPage(C),
    target: targetOf(csm.text, CRUMBLING, 0),
    expected: { method: "exact", text: CRUMBLING, within: "#p0" },
  },
  "heading set in capitals": {
    html: csmPage(C),
    target: targetOf(csm.text, "Qaddafi family envoy meets with British officials"),
    expected: { method: "exact", text: "Qaddafi family envoy meets with British officials", within: "#p6" },
  },
  // A pull quote right before its own paragraph, followed by a <cite> with the speaker's name, would be genuinely
  // ambiguous for 32-character contexts (one copy has the prefix, the other the suffix): pull quotes sit apart.
  "pull quote repeating the sentence two paragraphs earlier": {
    html: nytPage(N, {
      before: {
        5: `<blockquote class="pullquote"><p>${esc(EITHER)}</p><cite>Salah Ibrahim Eissa</cite></blockquote>`,
      },
    }),
    target: either,
    expected: { method: "exact", text: EITHER, within: "#p7" },
  },
  "multi-paragraph quote, paragraphs intact": {
    html: nytPage(N),
    target: ntc,
    expected: { method: "exact", text: NTC, within: "#p2" },
  },
  "multi-paragraph quote with an ad between the paragraphs": {
    html: nytPage(N, { before: { 3: AD } }),
    target: ntc,
    expected: { method: "fuzzy", text: edit(NTC, "\n\n", ` ${AD_TEXT} `), within: "#p2" },
  },
  "multi-paragraph quote with a related box between, straight quotes on the page": {
    html: nytPage(at(at(N, 2, straight), 3, straight), { before: { 3: RELATED } }),
    target: ntc,
    expected: { method: "fuzzy", text: straight(edit(NTC, "\n\n", ` ${RELATED_TEXT} `)), within: "#p2" },
  },
  "multi-paragraph quote whose first paragraph the site split in two": {
    html: nytPage(
      at(N, 2, (p) =>
        edit(p, "As part of this commitment", '</p><p class="split">As part of this commitment'),
      ),
    ),
    target: ntc,
    expected: { method: "exact", text: NTC },
  },
  "multi-paragraph quote whose paragraphs the site joined (space)": {
    html: nytPage([...N.slice(0, 2), `${N[2]} ${N[3]}`, ...N.slice(4)]),
    target: ntc,
    expected: { method: "exact", text: NTC },
  },
  "multi-paragraph quote whose paragraphs the site joined (<br>)": {
    html: nytPage([...N.slice(0, 2), `${N[2]}<br><br>${N[3]}`, ...N.slice(4)]),
    target: ntc,
    expected: { method: "exact", text: NTC },
  },
  "multi-paragraph quote whose paragraphs the site joined without a space": {
    html: nytPage([...N.slice(0, 2), `${N[2]}${N[3]}`, ...N.slice(4)]),
    target: ntc,
    expected: { method: "fuzzy", text: NTC },
  },
  "a few characters edited": {
    html: nytPage(at(N, 7, (p) => edit(p, "goes to prison", "goes to jail"))),
    target: either,
    expected: { method: "fuzzy", text: edit(EITHER, "prison", "jail") },
  },
  "long quote (> 256 chars) with edits": {
    html: nytPage(
      at(N, 0, (p) =>
        edit(
          edit(p, "considerable softening", "significant softening"),
          "Muammar el-Qaddafi",
          "Muammar Qaddafi",
        ),
      ),
    ),
    target: targetOf(nyt.text, LEAD),
    expected: {
      method: "fuzzy",
      text: edit(
        edit(LEAD, "considerable softening", "significant softening"),
        "Muammar el-Qaddafi",
        "Muammar Qaddafi",
      ),
    },
  },
  "an ad inside a paragraph": {
    html: nytPage(at(N, 5, (p) => edit(p, OFFER_SPLIT, `${OFFER_SPLIT}${INLINE_AD}`))),
    target: targetOf(nyt.text, OFFER),
    expected: { method: "fuzzy", text: edit(OFFER, OFFER_SPLIT, `${OFFER_SPLIT} ${AD_TEXT} `) },
  },
  "missing and extra whitespace around a dash and in the markup": {
    html: nytPage(
      at(N, 3, (p) =>
        edit(edit(p, "Qaddafi — he", "Qaddafi—he"), "power and face", "power  and\n      face"),
      ),
    ),
    target: targetOf(nyt.text, NO_ESCAPE),
    expected: { method: "exact", text: NO_ESCAPE },
  },
  "multi-paragraph quote with a figure and page chrome between the paragraphs": {
    html: csmPage(C, { before: { 2: FIGURE } }),
    target: targetOf(csm.text, ACROSS_FIGURE),
    expected: {
      method: "fuzzy",
      text: curly(edit(ACROSS_FIGURE, "\n\n", ` ${FIGURE_TEXT} `)),
      within: "#p1",
    },
  },
  "quote absent from the page": {
    html: nytPage(N),
    target: {
      exact: "The rebels have agreed to a cease-fire in Misurata.",
      prefix: "",
      suffix: "",
      start: 0,
      end: 51,
    },
    expected: null,
  },
  "quote only in scripts, hidden elements, templates and our own UI": {
    html: nytPage([...N.slice(0, 7), ...N.slice(8)], {
      top:
        `<div hidden><p>${N[7]}</p></div><template><p>${N[7]}</p></template>` +
        `<div style="display: none">${N[7]}</div><div data-sa-ignore><p>${N[7]}</p></div>` +
        `<noscript>${N[7]}</noscript><style>/* ${N[7]} */</style>`,
    }),
    target: either,
    expected: null,
  },
};
