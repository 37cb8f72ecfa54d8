// DOM layer of anchoring: a text index of a live DOM (one TreeWalker pass, no layout reads), ranges from index
// offsets and back, and anchoring of many dataset targets at once.
import type { TextTarget } from "../model/dataset";
import { LIMITS } from "../model/limits";
import type { PreparedQuote } from "../model/protocol";
import { exactOccurrences } from "./candidates";
import { type MatchMethod, matchNormalised } from "./match-quote";
import { type NormalisedText, normaliseWithMapSteps, toSource } from "./normalise";
import { prepareQuote } from "./prepare-quote";
import { finish, type Steps } from "./steps";

/** Nodes the text index visits between two pauses (buildTextIndexSteps). */
const NODES_PER_STEP = 256;
/** Ranges made between two pauses (anchorAllSteps). */
const RANGES_PER_STEP = 16;

/** Elements whose content is never page text. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "textarea",
  "select",
  "svg",
  "math",
  "iframe",
  "object",
  "canvas",
  "video",
  "audio",
]);

/** Elements whose start and end separate text ("\n" in the index). */
const BLOCK = new Set(
  (
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p pre section summary table tbody td tfoot th " +
    "thead tr ul"
  ).split(" "),
);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export interface TextIndexOptions {
  /** Extra elements to leave out (besides script/style/…, [hidden], inline display:none and [data-sa-ignore]). */
  skip?: (el: Element) => boolean;
}

export interface TextIndex {
  root: Node;
  /** The text of all indexed text nodes, with "\n" between blocks. */
  text: string;
  /** Indexed (non-empty) text nodes in document order. */
  nodes: Text[];
  /** starts[i] = offset in `text` of nodes[i]. */
  starts: Int32Array;
}

/** Elements under `root` hidden by an attribute, or ours: one querySelectorAll instead of attribute reads per element. */
function hiddenElements(root: Node): Set<Element> {
  const hidden = new Set<Element>();
  const scope = root as Partial<ParentNode>;
  if (!scope.querySelectorAll) return hidden;
  for (const el of scope.querySelectorAll("[hidden],[data-sa-ignore],[style]")) {
    const style = el.getAttribute("style");
    if (
      el.hasAttribute("hidden") ||
      el.hasAttribute("data-sa-ignore") ||
      (style && HIDDEN_STYLE.test(style))
    ) {
      hidden.add(el);
    }
  }
  return hidden;
}

function docOf(root: Node): Document {
  return root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
}

/** Index the text under `root`: one TreeWalker pass over elements and text nodes. */
export function buildTextIndex(root: Node, opts: TextIndexOptions = {}): TextIndex {
  return finish(buildTextIndexSteps(root, opts));
}

/** buildTextIndex in steps: a pause every NODES_PER_STEP nodes (a page that changes meanwhile is anchored again
 *  by its MutationObserver). */
export function* buildTextIndexSteps(root: Node, opts: TextIndexOptions = {}): Steps<TextIndex> {
  const walker = docOf(root).createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  const hidden = hiddenElements(root);
  const skipped = (el: Element) => SKIP.has(el.localName) || hidden.has(el) || (opts.skip?.(el) ?? false);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let atBreak = true; // text so far is empty or ends with "\n"
  const separate = (node: Node) => {
    if (!atBreak && node.nodeType === 1 && BLOCK.has((node as Element).localName)) {
      parts.push("\n");
      length++;
      atBreak = true;
    }
  };
  let node: Node = root;
  let visited = 0;
  for (;;) {
    if (++visited % NODES_PER_STEP === 0) yield;
    let descend = node === root;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length) {
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        atBreak = data.charCodeAt(data.length - 1) === 10;
      }
    } else if (node.nodeType === 1 && node !== root) {
      separate(node);
      descend = !skipped(node as Element);
    }
    if (descend && walker.firstChild()) {
      node = walker.currentNode;
      continue;
    }
    // Leave this node: go to its next sibling, or climb, closing the blocks we leave.
    for (;;) {
      const current = walker.currentNode;
      if (current === root) {
        return { root, text: parts.join(""), nodes, starts: Int32Array.from(starts) };
      }
      separate(current);
      if (walker.nextSibling()) break;
      walker.parentNode();
    }
    node = walker.currentNode;
  }
}

/** The last i with starts[i] <= offset (or < offset when `strict`), -1 if none. */
function nodeAt(index: TextIndex, offset: number, strict: boolean): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = index.starts[mid] as number;
    if (strict ? s < offset : s <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A Range over index.text[start, end). Offsets on separators move to the nearest text inside the span. */
export function rangeFor(index: TextIndex, start: number, end: number): Range {
  const range = docOf(index.root).createRange();
  const { nodes, starts } = index;
  if (!nodes.length) {
    range.setStart(index.root, 0);
    return range;
  }
  let i = nodeAt(index, start, false);
  if (i < 0 || start >= (starts[i] as number) + (nodes[i] as Text).length) {
    i = Math.min(i + 1, nodes.length - 1);
    start = Math.max(start, starts[i] as number);
  }
  let j = nodeAt(index, end, true);
  if (j < 0) j = 0;
  const jEnd = (starts[j] as number) + (nodes[j] as Text).length;
  if (end > jEnd) end = jEnd;
  end = Math.max(end, starts[j] as number);
  const startNode = nodes[i] as Text;
  const startOffset = Math.min(start - (starts[i] as number), startNode.length);
  // End first, then start: the range is never inverted on the way (cheaper for DOM implementations that compare
  // boundary points by walking the tree, such as happy-dom).
  const empty = j < i || (j === i && end < start);
  range.selectNodeContents(startNode);
  if (!empty) range.setEnd(nodes[j] as Text, end - (starts[j] as number));
  range.setStart(startNode, startOffset);
  if (empty) range.collapse(true);
  return range;
}

/** A target in its own words (a note, the background's payload), its prepared form perhaps computed ahead; or, from
 *  a site's data file, only prepared (case-folded, matched so whatever `lowercase` says) and where it starts. */
export type AnchorTarget =
  | {
      id: string;
      target: TextTarget;
      /** prepareQuote(target, true), when computed ahead (the build does it for the dataset's targets). */
      prepared?: PreparedQuote;
    }
  | { id: string; target: Pick<TextTarget, "start">; prepared: PreparedQuote };

export interface Anchored {
  id: string;
  range: Range;
  method: MatchMethod;
  /** See Located. */
  score?: number;
}

export interface LocateOptions {
  /** Case-insensitive comparison. Default true. */
  lowercase?: boolean;
  /** Minimum score of a fuzzy match (see matchQuote). Default 0.5. */
  minScore?: number;
  /** Verbatim occurrences only: no fuzzy search (a second, wider pass after a fuzzy one found nothing). */
  exactOnly?: boolean;
}

export interface AnchorOptions extends TextIndexOptions, LocateOptions {
  /** A prebuilt index of `root` (must be current). */
  index?: TextIndex;
}

export interface Located {
  id: string;
  /** Offsets into the text that was searched. */
  start: number;
  end: number;
  method: MatchMethod;
  /** How well the place agrees with the quote and its context, 0..1, when it was chosen by that agreement (among
   *  several occurrences, or approximately). A quote that occurs verbatim once is placed there unscored: nothing
   *  could choose otherwise, and scoring its context is a page's first-run work for nothing. */
  score?: number;
}

/**
 * Find many targets in one text (normalised once). Pass 1 takes every target whose quote occurs exactly once;
 * pass 2 resolves the rest (several or no exact occurrences) with an expected position taken from the nearest
 * target anchored in pass 1 (same offset shift), which makes position a good tie-breaker even when the page has
 * chrome before the article. Targets not found are reported in `orphaned`, in input order.
 */
export function locateAll(
  source: string,
  targets: AnchorTarget[],
  opts: LocateOptions = {},
): { located: Located[]; orphaned: string[] } {
  return finish(locateAllSteps(source, targets, opts));
}

/** locateAll in steps: a pause after each target's search (the normalisation of the text is one step). */
export function* locateAllSteps(
  source: string,
  targets: AnchorTarget[],
  opts: LocateOptions = {},
): Steps<{ located: Located[]; orphaned: string[] }> {
  const norm: NormalisedText = yield* normaliseWithMapSteps(source, { lowercase: opts.lowercase ?? true });
  const text = norm.text;
  const found = new Map<number, { start: number; end: number; score?: number; method: MatchMethod }>();
  const prepared: PreparedQuote[] = [];
  for (const t of targets) {
    if (!("exact" in t.target)) prepared.push(t.prepared as PreparedQuote);
    else if (t.prepared && norm.lowercase) prepared.push(t.prepared);
    else {
      yield; // preparing a quote here (a note's) costs a normalisation
      prepared.push(prepareQuote(t.target, norm.lowercase));
    }
  }

  // Pass 1: unique exact matches, and the offset shift they give (dataset offset → normalised page offset).
  const fixed: { from: number; to: number }[] = [];
  const occurrences: number[][] = [];
  for (let k = 0; k < prepared.length; k++) {
    yield;
    const q = prepared[k] as PreparedQuote;
    const occ = q.quote ? exactOccurrences(text, q.quote) : [];
    occurrences.push(occ);
    if (occ.length !== 1) continue;
    const start = occ[0] as number;
    found.set(k, { start, end: start + q.quote.length, method: "exact" });
    fixed.push({ from: (targets[k] as AnchorTarget).target.start, to: start });
  }
  fixed.sort((a, b) => a.from - b.from);
  const hintFor = (start: number): number | undefined => {
    let lo = 0;
    let hi = fixed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((fixed[mid] as { from: number }).from <= start) lo = mid + 1;
      else hi = mid;
    }
    const before = fixed[lo - 1];
    const after = fixed[lo];
    const near = !before
      ? after
      : !after
        ? before
        : start - before.from <= after.from - start
          ? before
          : after;
    return near ? Math.max(0, near.to + start - near.from) : undefined;
  };

  // Pass 2: everything else.
  for (let k = 0; k < prepared.length; k++) {
    if (found.has(k) || (opts.exactOnly && !occurrences[k]?.length)) continue;
    yield;
    const hint = hintFor((targets[k] as AnchorTarget).target.start);
    const m = matchNormalised(text, prepared[k] as PreparedQuote, hint, opts.minScore, occurrences[k]);
    if (m) found.set(k, m);
  }

  const located: Located[] = [];
  const orphaned: string[] = [];
  targets.forEach((t, k) => {
    const m = found.get(k);
    if (m) located.push({ id: t.id, ...toSource(norm, m.start, m.end), method: m.method, score: m.score });
    else orphaned.push(t.id);
  });
  return { located, orphaned };
}

/** Anchor many targets in the DOM under `root`: one text index, one normalisation, one Range per anchored target. */
export function anchorAll(
  root: Node,
  targets: AnchorTarget[],
  opts: AnchorOptions = {},
): { anchored: Anchored[]; orphaned: string[] } {
  return finish(anchorAllSteps(root, targets, opts));
}

/** anchorAll in steps (see buildTextIndexSteps and locateAllSteps; a pause every RANGES_PER_STEP ranges). */
export function* anchorAllSteps(
  root: Node,
  targets: AnchorTarget[],
  opts: AnchorOptions = {},
): Steps<{ anchored: Anchored[]; orphaned: string[] }> {
  const index = opts.index ?? (yield* buildTextIndexSteps(root, opts));
  const { located, orphaned } = yield* locateAllSteps(index.text, targets, opts);
  const anchored: Anchored[] = [];
  for (const { id, start, end, method, score } of located) {
    if (anchored.length % RANGES_PER_STEP === 0) yield;
    anchored.push({ id, range: rangeFor(index, start, end), method, score });
  }
  return { anchored, orphaned };
}

/** Offset in index.text of a boundary point. `side` says which way a point between indexed nodes rounds. */
function offsetOf(index: TextIndex, container: Node, offset: number, side: "start" | "end"): number {
  const { nodes, starts } = index;
  if (container.nodeType === 3) {
    // Most selections end in text nodes: find it by position (binary search by document order).
    const i = firstAtOrAfter(index, container, 0);
    if (nodes[i] === container) return (starts[i] as number) + Math.min(offset, (container as Text).length);
  }
  const i = firstAtOrAfter(index, container, offset);
  if (side === "start") return i < nodes.length ? (starts[i] as number) : index.text.length;
  const prev = i - 1;
  return prev >= 0 ? (starts[prev] as number) + (nodes[prev] as Text).length : 0;
}

/** Index of the first indexed text node whose start is at or after the boundary point (container, offset). */
function firstAtOrAfter(index: TextIndex, container: Node, offset: number): number {
  const point = docOf(index.root).createRange();
  point.setStart(container, offset);
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(index.nodes[mid] as Text, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The selector of a range the reader selected: exact text (trimmed), LIMITS.contextKept characters of context, offsets. */
export function describeRange(root: Node, range: Range, index: TextIndex = buildTextIndex(root)): TextTarget {
  const { text } = index;
  let start = offsetOf(index, range.startContainer, range.startOffset, "start");
  let end = Math.max(start, offsetOf(index, range.endContainer, range.endOffset, "end"));
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - LIMITS.contextKept), start),
    suffix: text.slice(end, end + LIMITS.contextKept),
    start,
    end,
  };
}
