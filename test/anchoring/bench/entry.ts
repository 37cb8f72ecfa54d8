// Browser benchmark page script (bundled by browser-bench.mjs): anchoring time against one TreeWalker pass.
import { type AnchorTarget, anchorAll, buildTextIndex, locateAll } from "../../../src/anchoring/dom";
import { bigPage } from "../bigpage";
import { AD, html, nyt, page, straight, targetOf } from "../fixtures";

/** Milliseconds per call: the best of 5 rounds of ≥100 ms each. */
function time(f: () => void): number {
  let bestMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const t = performance.now();
    while (performance.now() - t < 100 || n < 3) {
      f();
      n++;
    }
    bestMs = Math.min(bestMs, (performance.now() - t) / n);
  }
  return bestMs;
}

function walk(): number {
  const w = document.createTreeWalker(document.body, 0x4);
  let chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
  return chars;
}

function measure(name: string, markup: string, targets: AnchorTarget[]) {
  document.body.innerHTML = markup;
  const index = buildTextIndex(document.body);
  let result = anchorAll(document.body, targets);
  const ms = {
    walk: time(walk),
    buildTextIndex: time(() => buildTextIndex(document.body)),
    locateAll: time(() => locateAll(index.text, targets)),
    anchorAll: time(() => {
      result = anchorAll(document.body, targets);
    }),
  };
  return {
    name,
    htmlKB: Math.round(markup.length / 1024),
    textKB: Math.round(index.text.length / 1024),
    textNodes: index.nodes.length,
    targets: targets.length,
    fuzzy: result.anchored.filter((a) => a.method === "fuzzy").length,
    orphaned: result.orphaned.length,
    ms,
    anchorAllOverWalk: ms.anchorAll / ms.walk,
    anchorAllOverIndex: ms.anchorAll / ms.buildTextIndex,
  };
}

// One article page: the NYT article with chrome, ads between paragraphs, straight quotes in every other paragraph;
// targets: every quotation and every sentence.
const paras = html(nyt).map((p, i) => (i % 2 ? straight(p) : p));
const before = Object.fromEntries(paras.map((_, i) => [i, i % 3 === 2 ? AD : ""]));
const nav = `<nav>${"<a href='/section'>Section</a> ".repeat(200)}</nav>`;
const exacts = new Set([
  ...[...nyt.text.matchAll(/“[^”]+”/g)].map((m) => m[0]),
  ...nyt.paragraphs.flatMap((p) => p.match(/[^.!?]+[.!?]+["”]?/g) ?? []).map((s) => s.trim()),
]);
const article = [...exacts]
  .filter((s) => s.length > 10)
  .map((e, i) => ({ id: `t${i}`, target: targetOf(nyt.text, e) }));
const big = bigPage();

(window as unknown as { RESULT: unknown }).RESULT = [
  measure("article page", page(paras, { before, jsonLd: nyt.text, top: nav }), article),
  measure("500 KB stress page", big.html, big.targets),
];
