// The one table of highlight kinds (src/model/kinds.ts) and the files written from it: ui.css's custom properties
// and the README's legend are what scripts/legend.ts writes now (run it after changing the table).
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { MARKERS, replaceBetween } from "../../scripts/legend";
import { cssProperties, highlightSheet, KIND_IDS, KINDS, readmeLegend } from "../../src/model/kinds";
import { HIGHLIGHT_KINDS } from "../../src/model/protocol";

test("every highlight kind of the protocol has one row, and only those", () => {
  expect([...KIND_IDS].sort()).toEqual([...HIGHLIGHT_KINDS].sort());
  for (const k of KIND_IDS) expect(KINDS[k].id).toBe(k);
});

test.each([
  ["src/shared/ui.css", MARKERS.css, cssProperties],
  ["README.md", MARKERS.readme, readmeLegend],
] as const)("%s agrees with the table", (file, markers, body) => {
  const text = readFileSync(file, "utf8");
  expect(text).toBe(replaceBetween(text, markers, body()));
});

test("the page's highlight sheet draws each kind in its colour, under its name for each scheme", () => {
  const css = highlightSheet();
  expect(css).toContain(`::highlight(sa-named) { background-color: ${KINDS.named.light}; }`);
  expect(css).toContain(`::highlight(sa-named-dark) { background-color: ${KINDS.named.dark}; }`);
  expect(css).toContain(
    `::highlight(sa-crossref-dark) { text-decoration: underline 2px ${KINDS.crossref.dark}`,
  );
  expect(css).toContain("::highlight(sa-flash)");
  expect(css).not.toContain("sa-note");
});
