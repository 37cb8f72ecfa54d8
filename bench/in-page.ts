// Injected into a page by the benchmark: times anchoring against its baselines in the page's own document.
import { toRange } from "dom-anchor-text-quote";
import { anchorAll } from "../src/anchoring/dom";
import { anchorInPage } from "../src/content/anchor";
import type { TextTarget } from "../src/model/dataset";

/** Run `fn` until at least `minMs` have passed (a single run can be below the timer's resolution); ms per run. */
function timed(fn: () => void, minMs = 30): number {
  let n = 0;
  const t0 = performance.now();
  do {
    fn();
    n++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / n;
}

/** The floor of anchoring: one TreeWalker pass reading every text node's text into one string. */
function walk(): number {
  const parts: string[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) parts.push((n as Text).data);
  return parts.join("").length;
}

/** The least any anchoring that yields ranges does: the pass above, and a Range per target at offsets known in
 *  advance (those the extension found), with no search at all. */
function floor(bounds: [Node, number, Node, number][]): void {
  walk();
  for (const [start, startOffset, end, endOffset] of bounds) {
    const r = document.createRange();
    r.setStart(start, startOffset);
    r.setEnd(end, endOffset);
  }
}

(globalThis as unknown as { __bench: unknown }).__bench = {
  run(targets: { id: string; target: TextTarget }[]) {
    const bounds = anchorInPage(document, targets).anchored.map(
      ({ range: r }) =>
        [r.startContainer, r.startOffset, r.endContainer, r.endOffset] as [Node, number, Node, number],
    );
    let anchored = 0;
    let anchoredInPage = 0;
    let peerFound = 0;
    const result = {
      treeWalkerMs: timed(() => walk()),
      floorMs: timed(() => floor(bounds)),
      anchorAllMs: timed(() => {
        anchored = anchorAll(document.body, targets).anchored.length;
      }),
      // As the extension anchors: the article region first, then what it lacks verbatim in the body.
      anchorInPageMs: timed(() => {
        anchoredInPage = anchorInPage(document, targets).anchored.length;
      }),
      peerMs: timed(() => {
        peerFound = 0;
        for (const t of targets)
          if (
            toRange(document.body, {
              exact: t.target.exact,
              prefix: t.target.prefix,
              suffix: t.target.suffix,
            })
          )
            peerFound++;
      }, 10),
      textChars: walk(),
    };
    return { ...result, anchored, anchoredInPage, peerFound, targets: targets.length };
  },
};
