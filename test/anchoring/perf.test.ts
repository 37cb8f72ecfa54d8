// @vitest-environment happy-dom
// 300 targets on a ~500 KB page: everything anchors in the right place; the time is logged (no timing assertion).
import { expect, test } from "vitest";
import { anchorAll, buildTextIndex, locateAll, rangeFor } from "../../src/anchoring/dom";
import { bigPage, type Planned } from "./bigpage";
import { comparable } from "./fixtures";

test("300 targets on a 500 KB page", { timeout: 120_000 }, () => {
  const { html, targets, planned } = bigPage();
  document.body.innerHTML = html;
  const htmlSize = html.length;

  // Reference: one bare TreeWalker pass over the text nodes.
  let t0 = performance.now();
  const walker = document.createTreeWalker(document.body, 0x4);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  const walkMs = performance.now() - t0;

  t0 = performance.now();
  const index = buildTextIndex(document.body);
  const indexMs = performance.now() - t0;

  t0 = performance.now();
  const { located } = locateAll(index.text, targets);
  const locateMs = performance.now() - t0;

  t0 = performance.now();
  for (const l of located) rangeFor(index, l.start, l.end);
  const rangesMs = performance.now() - t0;

  t0 = performance.now();
  const { anchored, orphaned } = anchorAll(document.body, targets);
  const anchorMs = performance.now() - t0;

  console.log(
    `perf: ${(htmlSize / 1024).toFixed(0)} KB HTML, ${(chars / 1024).toFixed(0)} KB text in ${index.nodes.length} text nodes; ` +
      `bare TreeWalker pass ${walkMs.toFixed(1)} ms; buildTextIndex ${indexMs.toFixed(1)} ms; ` +
      `locateAll (normalise + match ${targets.length} targets) ${locateMs.toFixed(1)} ms; ` +
      `${located.length} Ranges ${rangesMs.toFixed(1)} ms (happy-dom's setStart/setEnd walk the document); ` +
      `anchorAll (all of it) ${anchorMs.toFixed(1)} ms; ` +
      `exact ${anchored.filter((a) => a.method === "exact").length}, fuzzy ${anchored.filter((a) => a.method === "fuzzy").length}, orphaned ${orphaned.length}`,
  );

  expect(htmlSize).toBeGreaterThan(500_000);
  expect(orphaned).toEqual([]);
  const byId = new Map(planned.map((p) => [p.id, p]));
  let wrong = 0;
  for (const a of anchored) {
    const plan = byId.get(a.id) as Planned;
    const el = a.range.startContainer.parentElement;
    const copy = el?.closest("article")?.id;
    const got = comparable(a.range.toString());
    const ok =
      copy === `copy-${plan.copy}` &&
      (a.method === "exact"
        ? got === comparable(plan.exact)
        : got.startsWith(comparable(plan.expect).slice(0, 12)) ||
          got.endsWith(comparable(plan.expect).slice(-12)));
    if (!ok) {
      wrong++;
      console.log(
        "misplaced",
        a.id,
        a.method,
        copy,
        plan.copy,
        JSON.stringify(plan.exact),
        "→",
        JSON.stringify(a.range.toString()),
      );
    }
  }
  expect(wrong).toBe(0);
});
