// @vitest-environment happy-dom
// The page's HTML for an analysis, serialised in steps (src/content/page-html.ts): the same text as
// documentElement.outerHTML, cut at the limit, with pauses between the children of big containers.
import { expect, test } from "vitest";
import { finish } from "../../src/anchoring/steps";
import { pageHtml } from "../../src/content/page-html";

function page(comments: number) {
  document.documentElement.setAttribute("lang", "en");
  document.head.innerHTML = '<meta charset="utf-8"><title>A &amp; B</title><script>var x = "<b>";</script>';
  const list = Array.from(
    { length: comments },
    (_, i) =>
      `<div class="comment" data-n="${i}"><b>reader ${i}</b><p>a &lt; b &amp; "c" ${i} ${"words ".repeat(100)}</p></div>`,
  ).join("\n");
  document.body.innerHTML = `<article><h1>Story</h1><p>Text <i>here</i>.</p></article><!-- c --><section id="comments">${list}</section>`;
}

test("the same HTML as outerHTML, in steps", () => {
  page(120);
  let steps = 0;
  const gen = pageHtml(document, 1_000_000, 1_000_000);
  let r = gen.next();
  for (; !r.done; r = gen.next()) steps++;
  expect(r.value).toEqual([document.documentElement.outerHTML]);
  expect(steps).toBeGreaterThan(120);
});

test("cut at the limit, as outerHTML.slice(0, max) would be", () => {
  page(200);
  const max = 5000;
  expect(finish(pageHtml(document, max, max)).join("")).toBe(
    document.documentElement.outerHTML.slice(0, max),
  );
});

test("in chunks of at most the given size, each full one joined in a step of its own", () => {
  page(300);
  const whole = document.documentElement.outerHTML;
  const run = (max: number, size: number) => {
    const gen = pageHtml(document, max, size);
    let steps = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) steps++;
    return { steps, chunks: r.value };
  };
  // Chunk sizes that cut the parts anywhere: within a comment, at its end, across several.
  for (const [size, max] of [
    [1000, 1_000_000],
    [997, 1_000_000],
    [50_000, 1_000_000],
    [1000, 12_345],
    [whole.length, whole.length],
  ] as const) {
    const { steps, chunks } = run(max, size);
    const total = Math.min(max, whole.length);
    expect(chunks.join("")).toBe(whole.slice(0, max));
    expect(chunks.every((c) => c.length <= size && c.length > 0)).toBe(true);
    // Every chunk but the last is full: the messages carry as few parts as they can.
    expect(chunks.slice(0, -1).every((c) => c.length === size)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(total / size));
    // The walk's steps are the same whatever the chunk size (one chunk of everything: no step of its own); each full
    // chunk adds one.
    expect(steps - run(max, total + 1).steps).toBe(Math.floor(total / size));
  }
});
