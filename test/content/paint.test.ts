// @vitest-environment happy-dom
// The painter: highlights registered by kind under each scheme's names, and our style sheet in the page only where
// the browser did not inject it with the site's data.
import { afterEach, expect, test } from "vitest";
import { Painter } from "../../src/content/paint";
import { highlightSheet } from "../../src/model/kinds";
import { DEFAULT_VISIBILITY } from "../../src/model/visibility";
import { fakeHighlights } from "./fakes";

const STYLE = "#source-annotator-style";

afterEach(() => {
  document.body.innerHTML = "";
  document.head.innerHTML = "";
});

function painted(sheetInPage: boolean) {
  const registry = fakeHighlights();
  document.body.innerHTML = "<p>Mr. Frattini said so.</p>";
  const range = document.createRange();
  range.selectNodeContents(document.body.firstChild as Node);
  const painter = new Painter(document, sheetInPage);
  painter.set("named", [range]);
  painter.set("crossref", [range]);
  painter.apply(DEFAULT_VISIBILITY);
  return { registry, painter, range };
}

test("with the sheet injected with the site's data, painting adds nothing to the page's DOM", () => {
  const { registry, painter, range } = painted(true);
  expect([...registry.keys()].sort()).toEqual(["sa-crossref", "sa-named"]);
  painter.flash(range);
  expect(registry.has("sa-flash")).toBe(true);
  expect(document.querySelector(STYLE)).toBeNull();
  expect(document.querySelectorAll("style")).toHaveLength(0);
});

test("without it (archives, analysed pages), one <style> of ours holds the whole sheet, both schemes", () => {
  const { painter } = painted(false);
  painter.apply(DEFAULT_VISIBILITY);
  const styles = document.querySelectorAll(STYLE);
  expect(styles).toHaveLength(1);
  expect(styles[0]?.textContent).toBe(highlightSheet());
  expect(styles[0]?.hasAttribute("data-sa-ignore")).toBe(true);
});

test("a dark page: the painted kinds move to the dark names, and back; switched-off kinds stay unregistered", () => {
  const { registry, painter } = painted(true);
  painter.scheme(true);
  expect([...registry.keys()].sort()).toEqual(["sa-crossref-dark", "sa-named-dark"]);
  painter.apply({ ...DEFAULT_VISIBILITY, kinds: { ...DEFAULT_VISIBILITY.kinds, crossref: false } });
  expect([...registry.keys()]).toEqual(["sa-named-dark"]);
  painter.scheme(false);
  expect([...registry.keys()]).toEqual(["sa-named"]);
  painter.clear();
  painter.scheme(true);
  expect(registry.size).toBe(0);
});
