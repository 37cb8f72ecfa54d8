// Seeded random DOM trees for fuzzing the anchoring and recognition layers: every kind of element the text index
// treats specially (blocks, inline, skipped, hidden, ours), tables and lists, shadow hosts, comments, hostile
// Unicode (combining marks, RTL and bidi controls, emoji, lone surrogates, zero-width characters, characters whose
// lowercase has another length, Greek sigma), fragments of real article text, and now and then a very deep
// (200 levels) or very wide (10,000 children) node.
import type { Rng } from "./prng";

const BLOCKS = ["div", "p", "section", "article", "blockquote", "h2", "li", "pre", "header", "footer", "td"];
const INLINE = ["span", "em", "a", "b", "strong", "i", "code", "small", "sup", "mark", "x-widget", "font"];
// (No <iframe>: happy-dom would try to load it and log an error for each.)
const SKIPPED = [
  "script",
  "style",
  "noscript",
  "template",
  "textarea",
  "select",
  "svg",
  "math",
  "canvas",
  "video",
];

/** Pieces of hostile text, each a separate Unicode hazard. */
const HAZARDS = [
  "e\u0301\u0302\u0303", // stacked combining marks
  "\u0301", // a combining mark with nothing to combine with
  "שָׁלוֹם עולם", // Hebrew with points
  "مرحبا بالعالم", // Arabic
  "\u200f\u202e\u2066\u2069\u202c", // bidi controls
  "😀", // astral emoji (a surrogate pair)
  "👨‍👩‍👧‍👦", // ZWJ sequence
  "🇱🇾", // flag (regional indicators)
  "\ud800", // lone high surrogate
  "\udc00", // lone low surrogate
  "x\ud83dy", // high surrogate followed by a non-surrogate
  "\u200b\u200c\u200d\u2060\ufeff", // zero-width characters
  "\u00ad", // soft hyphen
  "\u00a0\u2009\u3000\u2028\u2029", // Unicode spaces and separators
  "\t\n\r\n\f\v",
  "İstanbul", // lowercase is longer ("i̇")
  "ΑΘΗΝΑ Ω ΚΡΗΤΗ ΟΔΟΣ ΣΟΦΙΑΣ", // Greek capitals, with capital sigma mid-word and word-final
  "ﬁﬂ ｆｕｌｌｗｉｄｔｈ", // compatibility characters
  "“quoted” ‘single’ «guillemets» „low‟", // quotes the normaliser folds
  "— – ‒ ― − ‐", // dashes
  "…", // one character normalised to three
  "&amp; &lt;p&gt;", // entity-looking text (literal)
  "\u0000\u0001\u001f", // control characters
  "\uffff\ufffe\ufffd",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", // zalgo
];

const WORDS =
  "the council said rebels would agree to a cease fire if forces withdrew from cities and towns".split(" ");

export interface TreeOptions {
  /** Fragments of real text to mix in. */
  fragments: string[];
  /** Make one node 200 levels deep. */
  deep?: boolean;
  /** Give one node 10,000 children. */
  wide?: boolean;
  /** Most nodes in the tree (before the deep/wide parts). */
  budget?: number;
}

export function randomText(rng: Rng, fragments: string[]): string {
  const parts: string[] = [];
  for (let k = rng.between(1, 4); k > 0; k--) {
    const r = rng.float();
    if (r < 0.35 && fragments.length) {
      const f = rng.pick(fragments);
      const a = rng.int(f.length);
      parts.push(f.slice(a, a + rng.between(1, 200)));
    } else if (r < 0.65) parts.push(rng.pick(HAZARDS));
    else if (r < 0.9)
      parts.push(
        Array.from({ length: rng.between(1, 6) }, () => rng.pick(WORDS)).join(
          rng.pick([" ", "  ", "\n", ""]),
        ),
      );
    else {
      // Random code units anywhere in the BMP (surrogates included).
      parts.push(String.fromCharCode(...Array.from({ length: rng.between(1, 5) }, () => rng.int(0x10000))));
    }
  }
  return parts.join(rng.pick(["", " ", "\n"]));
}

/** Fill `parent` with a random subtree; returns how much of its budget it used (a table or list counts once). */
export function randomTree(doc: Document, parent: Node, rng: Rng, opts: TreeOptions): number {
  let budget = opts.budget ?? 300;
  const make = (into: Node, depth: number) => {
    const n = rng.between(0, depth > 6 ? 2 : 6);
    for (let i = 0; i < n && budget > 0; i++) {
      budget--;
      const r = rng.float();
      if (r < 0.4) into.appendChild(doc.createTextNode(randomText(rng, opts.fragments)));
      else if (r < 0.45)
        into.appendChild(doc.createComment(randomText(rng, opts.fragments).replace(/--/g, "")));
      else if (r < 0.48) into.appendChild(doc.createElement("br"));
      else if (r < 0.5) into.appendChild(doc.createElement(rng.pick(["hr", "img", "input", "wbr"])));
      else if (r < 0.55) {
        const el = doc.createElement(rng.pick(SKIPPED));
        // An empty <template> only: happy-dom's template.firstChild is its content's first child (whose parent is
        // the content fragment), which breaks its Range.comparePoint for every node after the template. Browsers
        // do not do that; the e2e pages have templates with content.
        if (el.localName !== "template") el.textContent = randomText(rng, opts.fragments);
        into.appendChild(el);
      } else if (r < 0.6) into.appendChild(table(doc, rng, opts));
      else if (r < 0.63) {
        const list = doc.createElement(rng.pick(["ul", "ol", "dl"]));
        for (let k = rng.between(0, 4); k > 0; k--) {
          const li = doc.createElement(list.localName === "dl" ? rng.pick(["dt", "dd"]) : "li");
          li.textContent = randomText(rng, opts.fragments);
          list.appendChild(li);
        }
        into.appendChild(list);
      } else if (r < 0.66) {
        // A shadow host: its shadow tree is not page text for the index (a TreeWalker does not enter it).
        const host = doc.createElement(rng.pick(["div", "span", "x-card"]));
        const shadow = host.attachShadow({ mode: rng.pick(["open", "closed"] as const) });
        shadow.appendChild(doc.createElement("p")).textContent = randomText(rng, opts.fragments);
        if (rng.chance(0.5)) host.appendChild(doc.createTextNode(randomText(rng, opts.fragments)));
        into.appendChild(host);
      } else {
        const el = doc.createElement(rng.chance(0.5) ? rng.pick(BLOCKS) : rng.pick(INLINE));
        const a = rng.float();
        if (a < 0.04) el.setAttribute("hidden", "");
        else if (a < 0.07)
          el.setAttribute("style", rng.pick(["display: none", "visibility:hidden", "color: red"]));
        else if (a < 0.09) el.setAttribute("data-sa-ignore", "");
        else if (a < 0.11) el.setAttribute("dir", "rtl");
        into.appendChild(el);
        make(el, depth + 1);
      }
    }
  };
  make(parent, 0);
  let made = (opts.budget ?? 300) - budget;
  if (opts.deep) {
    // 200 nested elements, text at several depths.
    let at: Node = parent;
    for (let d = 0; d < 200; d++) {
      const el = doc.createElement(rng.pick([...BLOCKS, ...INLINE]));
      at.appendChild(el);
      if (d % 17 === 0) el.appendChild(doc.createTextNode(randomText(rng, opts.fragments)));
      at = el;
    }
    at.appendChild(doc.createTextNode(randomText(rng, opts.fragments)));
    made += 200;
  }
  if (opts.wide) {
    // 10,000 children: text nodes, <br>s and small inline elements, in one parent.
    const wide = doc.createElement(rng.pick(["div", "p", "td", "ul"]));
    const frag = doc.createDocumentFragment();
    for (let k = 0; k < 10_000; k++) {
      const r = rng.float();
      if (r < 0.5) frag.appendChild(doc.createTextNode(rng.pick(WORDS) + rng.pick([" ", "", "\n"])));
      else if (r < 0.6) frag.appendChild(doc.createElement("br"));
      else if (r < 0.9) frag.appendChild(doc.createElement(rng.pick(INLINE))).textContent = rng.pick(WORDS);
      else frag.appendChild(doc.createElement(rng.pick(["li", "p", "div"]))).textContent = rng.pick(WORDS);
    }
    wide.appendChild(frag);
    parent.appendChild(wide);
    made += 10_000;
  }
  return made;
}

function table(doc: Document, rng: Rng, opts: TreeOptions): HTMLTableElement {
  const t = doc.createElement("table");
  if (rng.chance(0.5)) t.createCaption().textContent = randomText(rng, opts.fragments);
  const body = t.createTBody();
  for (let r = rng.between(1, 3); r > 0; r--) {
    const row = body.insertRow();
    for (let c = rng.between(1, 3); c > 0; c--)
      row.insertCell().textContent = randomText(rng, opts.fragments);
  }
  return t;
}

/** Every node under `root` in its light tree (shadow trees are not entered), root included. */
export function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}

/** Length of a node as a boundary container: characters for character data, children for the rest. */
export function nodeLength(n: Node): number {
  return n.nodeType === 3 || n.nodeType === 8 || n.nodeType === 4 || n.nodeType === 7
    ? (n as CharacterData).length
    : n.childNodes.length;
}
