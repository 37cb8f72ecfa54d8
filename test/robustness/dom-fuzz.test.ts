// @vitest-environment happy-dom
// Random DOM fuzzing of the text index, anchoring, recognition and selection description: FUZZ_CASES seeded
// random trees (default 300; every 50th has a node 200 levels deep, every 300th a node with 10,000 children),
// each checked for
//   - no exception anywhere (buildTextIndex, anchorAll, recogniseText, pageSample, describeRange, rangeFor);
//   - a consistent index (every indexed node is under the root, in document order, its text where `starts` says);
//   - valid Ranges (both boundaries inside the root's tree, never reaching into skipped or hidden subtrees' text);
//   - round trips: a random selection described with describeRange, then anchored again with anchorAll, reads the
//     same text (normalised); rangeFor(start, end) described again gives text.slice(start, end), trimmed.
// FUZZ_CASES=5000 npx vitest run --project unit test/robustness/dom-fuzz.test.ts for a longer run;
// FUZZ_SEED=<n> runs the one case a failure names.
import { beforeAll, describe, expect, test } from "vitest";
import { anchorAll, buildTextIndex, describeRange, rangeFor, type TextIndex } from "../../src/anchoring/dom";
import { normaliseForMatch } from "../../src/anchoring/normalise";
import { buildArticleViews } from "../../src/dataset/article-views";
import { buildDataset } from "../../src/dataset/build";
import { loadArticles, loadCuration } from "../../src/dataset/load";
import type { RecognitionIndex } from "../../src/model/recognition";
import { buildRecognitionIndex, pageSample, recogniseText } from "../../src/recognition/index";
import { Rng } from "./prng";
import { allNodes, nodeLength, randomTree } from "./random-dom";

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const ONLY = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const BASE_SEED = 0xf022_0000;
const SELECTIONS = 6;

let articles: {
  id: string;
  text: string;
  targets: ReturnType<typeof buildArticleViews>["payload"]["targets"];
}[];
let recognition: RecognitionIndex;
let fragments: string[];

beforeAll(() => {
  const { dataset } = buildDataset(loadArticles("assets/articles"), loadCuration("assets/curation.json"));
  articles = dataset.articles.map((a) => ({
    id: a.id,
    text: a.text,
    targets: buildArticleViews(dataset, a.id).payload.targets,
  }));
  recognition = buildRecognitionIndex(dataset.articles);
  fragments = articles.map((a) => a.text);
});

const comparable = (s: string) => normaliseForMatch(s, true).trim();

/** Both boundaries of `range` are in the root's light tree (the root itself included). */
function inside(root: Node, range: Range): boolean {
  return root.contains(range.startContainer) && root.contains(range.endContainer);
}

function checkIndex(root: Node, index: TextIndex): string[] {
  const problems: string[] = [];
  let last: Node | null = null;
  index.nodes.forEach((node, i) => {
    const s = index.starts[i] as number;
    if (index.text.slice(s, s + node.data.length) !== node.data)
      problems.push(`node ${i}: text not at its start`);
    if (!root.contains(node)) problems.push(`node ${i}: not under the root`);
    if (last && !((last.compareDocumentPosition(node) & 4) /* FOLLOWING */))
      problems.push(`node ${i}: out of document order`);
    if (i > 0 && s < (index.starts[i - 1] as number) + (index.nodes[i - 1] as Text).length)
      problems.push(`node ${i}: overlaps the previous one`);
    const skipped = node.parentElement?.closest(
      "script,style,noscript,template,textarea,select,svg,math,canvas,video,[hidden],[data-sa-ignore]",
    );
    if (skipped && (root === skipped || root.contains(skipped)))
      problems.push(`node ${i}: inside <${skipped.localName}>, which is never page text`);
    last = node;
  });
  return problems;
}

interface CaseResult {
  nodes: number;
  selections: number;
  anchoredTargets: number;
  ms: number;
}

function runCase(seed: number): CaseResult {
  const rng = new Rng(seed);
  const t0 = performance.now();
  document.body.replaceChildren();
  // The root: an element in the document, the body itself, or a detached element.
  const where = rng.pick(["attached", "body", "detached"] as const);
  const root: HTMLElement =
    where === "body"
      ? document.body
      : where === "attached"
        ? document.body.appendChild(document.createElement("main"))
        : document.createElement("div");
  if (where === "attached" && rng.chance(0.5))
    document.body.insertBefore(document.createElement("nav"), root).textContent = "Outside the root";
  const k = seed - BASE_SEED;
  const wide = k % 300 === 150;
  randomTree(document, root, rng, {
    fragments,
    deep: k % 50 === 25,
    wide,
    budget: rng.between(5, 400),
  });
  // Now and then, a whole article in the middle of it all (so recognition and anchoring have work to do).
  const article = rng.chance(0.2) ? rng.pick(articles) : null;
  if (article) {
    const host = root.appendChild(document.createElement("article"));
    for (const p of article.text.split("\n\n")) host.appendChild(document.createElement("p")).textContent = p;
    randomTree(document, host, rng, { fragments, budget: 30 });
  }

  const problems: string[] = [];
  const index = buildTextIndex(root);
  problems.push(...checkIndex(root, index));

  // Recognition: never throws, a score in [0, 1], an article only when the page holds one.
  const sample = pageSample(index.text, recognition.text);
  if (!sample.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)) problems.push("bad page sample");
  const rec = recogniseText(index.text, recognition);
  if (!(rec.score >= 0 && rec.score <= 1)) problems.push(`recognition score ${rec.score}`);
  if (article && rec.articleId !== article.id)
    problems.push(`recognised ${rec.articleId} on a page holding ${article.id}`);
  if (rec.articleId !== null && !recognition.articles.includes(rec.articleId))
    problems.push(`recognised an unknown article ${rec.articleId}`);

  // The dataset's targets on this page: valid ranges, nothing thrown; with the article present, all of them.
  let anchoredTargets = 0;
  const targets = (article ?? rng.pick(articles)).targets;
  const all = anchorAll(root, targets, { index });
  for (const a of all.anchored) if (!inside(root, a.range)) problems.push(`${a.id}: range outside the root`);
  anchoredTargets += all.anchored.length;
  if (article && all.orphaned.length) problems.push(`article on the page, yet orphaned: ${all.orphaned}`);

  // Random selections: boundary points anywhere in the light tree (text, elements, comments, skipped subtrees).
  const pool = allNodes(root);
  let selections = 0;
  // One selection only on a wide page: happy-dom's nextSibling is linear in the number of siblings, which makes
  // its Range.comparePoint (describeRange's binary search) quadratic there — about a second per call.
  for (let s = 0; s < (wide ? 1 : SELECTIONS); s++) {
    const pickPoint = (): [Node, number] => {
      // Mostly indexed text nodes (what readers select), else any node.
      const n =
        index.nodes.length && rng.chance(0.7) ? (rng.pick(index.nodes) as Node) : (rng.pick(pool) as Node);
      return [n, rng.int(nodeLength(n) + 1)];
    };
    const range = document.createRange();
    const [a, ao] = pickPoint();
    const [b, bo] = pickPoint();
    range.setStart(a, ao);
    range.setEnd(b, bo); // collapses to (b, bo) when before the start: a valid range either way
    const target = describeRange(root, range, index);
    const where = `selection ${s}`;
    if (!(0 <= target.start && target.start <= target.end && target.end <= index.text.length))
      problems.push(`${where}: offsets ${target.start}-${target.end} outside the text`);
    if (index.text.slice(target.start, target.end) !== target.exact) problems.push(`${where}: exact ≠ text`);
    if (!index.text.slice(0, target.start).endsWith(target.prefix)) problems.push(`${where}: prefix`);
    if (!index.text.slice(target.end).startsWith(target.suffix)) problems.push(`${where}: suffix`);
    const quote = comparable(target.exact);
    if (quote) {
      selections++;
      const again = anchorAll(root, [{ id: "sel", target }], { index });
      const got = again.anchored[0];
      if (!got)
        problems.push(`${where}: ${JSON.stringify(target.exact.slice(0, 60))} described, then orphaned`);
      else {
        if (!inside(root, got.range)) problems.push(`${where}: anchored range outside the root`);
        const read = comparable(describeRange(root, got.range, index).exact);
        if (read !== quote)
          problems.push(
            `${where}: described ${JSON.stringify(quote.slice(0, 80))}, anchored ${JSON.stringify(read.slice(0, 80))}` +
              ` (${got.method}; the described quote occurs in the normalised text: ${normaliseForMatch(index.text, true).includes(quote)})` +
              (process.env.FUZZ_DEBUG ? `\n${JSON.stringify(target)}` : ""),
          );
      }
    }
    // rangeFor at random offsets, described again.
    const x = rng.int(index.text.length + 1);
    const y = rng.int(index.text.length + 1);
    const [from, to] = x <= y ? [x, y] : [y, x];
    const r = rangeFor(index, from, to);
    // With no text at all rangeFor only calls setStart(root, 0); on a detached root happy-dom then leaves the end
    // at (document, 0) where browsers collapse the range onto the new start (the roots differ): start only.
    if (index.nodes.length ? !inside(root, r) : !root.contains(r.startContainer))
      problems.push(`${where}: rangeFor outside the root`);
    const back = describeRange(root, r, index).exact;
    const want = index.text.slice(from, to).trim();
    if (back !== want)
      problems.push(
        `${where}: rangeFor(${from}, ${to}) reads ${JSON.stringify(back.slice(0, 60))}, not ${JSON.stringify(want.slice(0, 60))}`,
      );
  }
  expect(problems, `seed ${seed} (${where}, ${pool.length} nodes)`).toEqual([]);
  return { nodes: pool.length, selections, anchoredTargets, ms: performance.now() - t0 };
}

describe("random DOM fuzzing", () => {
  test(`${ONLY === undefined ? CASES : 1} seeded random trees`, () => {
    const seeds = ONLY === undefined ? Array.from({ length: CASES }, (_, k) => BASE_SEED + k) : [ONLY];
    const total = { cases: 0, nodes: 0, selections: 0, anchoredTargets: 0, slowest: 0 };
    const t0 = performance.now();
    for (const seed of seeds) {
      const r = runCase(seed);
      total.cases++;
      total.nodes += r.nodes;
      total.selections += r.selections;
      total.anchoredTargets += r.anchoredTargets;
      total.slowest = Math.max(total.slowest, r.ms);
    }
    console.log(
      `dom fuzz: ${total.cases} cases, ${total.nodes} nodes, ${total.selections} selections round-tripped, ` +
        `${total.anchoredTargets} dataset targets anchored, ${Math.round(performance.now() - t0)} ms ` +
        `(slowest case ${Math.round(total.slowest)} ms)`,
    );
  }, 600_000);
});

// Found by this fuzzer (seed 4028760491): toLowerCase() turns a capital sigma into ς at the end of a word and σ
// elsewhere — unless the string holds a character whose lowercase is longer (İ), when normaliseWithMap() lowercases
// character by character (always σ). A quote and its page then normalised differently; text.ts (now normalise.ts) folds ς to σ.
describe("Greek capital sigma", () => {
  test("a selection with a word-final Σ, on a page that also has an İ, anchors again", () => {
    document.body.innerHTML = "<p>İstanbul.</p><p>Ο ΠΡΟΕΔΡΟΣ ΕΙΠΕ ΟΧΙ.</p>";
    const index = buildTextIndex(document.body);
    const p = document.body.lastElementChild?.firstChild as Text;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(p, "Ο ΠΡΟΕΔΡΟΣ ΕΙΠΕ".length);
    const target = describeRange(document.body, range, index);
    expect(target.exact).toBe("Ο ΠΡΟΕΔΡΟΣ ΕΙΠΕ");
    expect(anchorAll(document.body, [{ id: "t", target }]).orphaned).toEqual([]);
  });
});
