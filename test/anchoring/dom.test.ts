// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from "vitest";
import { anchorAll, buildTextIndex, describeRange, rangeFor } from "../../src/anchoring/dom";
import { cases } from "./cases";
import { AD, comparable, csm, entities, html, nyt, page, straight, targetOf } from "./fixtures";

function startElement(range: Range): Element | null {
  const n = range.startContainer;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("anchorAll: cases", () => {
  test.each(Object.entries(cases))("%s", (_name, c) => {
    document.body.innerHTML = c.html;
    const { anchored, orphaned } = anchorAll(document.body, [{ id: "t", target: c.target }]);
    if (c.expected === null) {
      expect(anchored).toEqual([]);
      expect(orphaned).toEqual(["t"]);
      return;
    }
    expect(orphaned).toEqual([]);
    const a = anchored[0];
    if (!a) throw new Error("not anchored");
    expect(comparable(a.range.toString())).toBe(comparable(c.expected.text));
    expect(a.method).toBe(c.expected.method);
    // Scored when chosen by its agreement with the quote and context; a quote there verbatim once is not.
    if (a.method === "fuzzy") expect(a.score).toBeGreaterThan(0.5);
    if (c.expected.within) expect(startElement(a.range)?.closest(c.expected.within)).not.toBeNull();
  });
});

describe("anchorAll: a whole article at once", () => {
  // Every paragraph and every sentence of both articles, on pages with ads between all paragraphs and
  // quotes/entities changed: nothing is orphaned and every Range reads its target.
  for (const [name, article, render] of [
    ["nyt", nyt, (p: string) => entities(straight(p))],
    ["csm", csm, (p: string) => p.replace(/ /g, (s, i: number) => (i % 7 === 0 ? "&nbsp;" : s))],
  ] as const) {
    test(name, () => {
      const paras = html(article).map(render);
      const before = Object.fromEntries(paras.map((_, i) => [i, i % 2 ? AD : ""]));
      document.body.innerHTML = page(paras, { before, jsonLd: article.text });
      const exacts = [
        ...article.paragraphs,
        ...article.paragraphs.flatMap((p) => p.match(/[^.!?]+[.!?]+["”]?/g) ?? []).map((s) => s.trim()),
      ].filter((s) => s.length > 10);
      const targets = exacts.map((exact, i) => ({ id: `t${i}`, target: targetOf(article.text, exact) }));
      const { anchored, orphaned } = anchorAll(document.body, targets);
      expect(orphaned).toEqual([]);
      for (const a of anchored) {
        const exact = exacts[Number(a.id.slice(1))] as string;
        expect(comparable(a.range.toString())).toBe(comparable(exact));
      }
    });
  }
});

describe("anchorAll: exactOnly", () => {
  test("finds verbatim quotes (whatever their typography) and leaves edited ones orphaned, unsearched", () => {
    document.body.innerHTML =
      "<p>He said the offer was \u201cnot part of any discussions on our part.\u201d</p><p>The council met in Benghazi on Monday.</p>";
    const text =
      'He said the offer was "not part of any discussions on our part." The council met in Benghazi on Sunday.';
    const verbatim = { id: "v", target: targetOf(text, "not part of any discussions on our part.") };
    const edited = { id: "e", target: targetOf(text, "The council met in Benghazi on Sunday.") };
    expect(anchorAll(document.body, [verbatim, edited]).orphaned).toEqual([]);
    const only = anchorAll(document.body, [verbatim, edited], { exactOnly: true });
    expect(only.anchored.map((a) => a.id)).toEqual(["v"]);
    expect(only.orphaned).toEqual(["e"]);
  });
});

describe("buildTextIndex", () => {
  test("separates blocks, keeps inline text together, skips scripts, hidden elements and our UI", () => {
    document.body.innerHTML =
      "<div><h1>Title</h1><p>One <a href='#'>link</a><em>ed</em> text.</p>" +
      "<script>var x = 'script';</script><style>p{}</style><p hidden>hidden</p><div data-sa-ignore>ours</div>" +
      "<ul><li>a</li><li>b<br>c</li></ul><p>Tail&nbsp;&amp; end</p></div>";
    const index = buildTextIndex(document.body);
    expect(index.text).toBe("Title\nOne linked text.\na\nb\nc\nTail\u00a0& end\n");
    index.nodes.forEach((node, i) => {
      const s = index.starts[i] as number;
      expect(index.text.slice(s, s + node.data.length)).toBe(node.data);
    });
  });

  test("rangeFor moves offsets on separators into the span", () => {
    document.body.innerHTML = "<p>alpha</p><p>beta</p>";
    const index = buildTextIndex(document.body);
    expect(index.text).toBe("alpha\nbeta\n");
    const r = rangeFor(index, 5, 11);
    expect(r.toString()).toBe("beta");
    expect(rangeFor(index, 2, 8).toString()).toBe("phabe");
    expect(rangeFor(index, 0, 6).toString()).toBe("alpha");
    const empty = rangeFor(index, 5, 6);
    expect(empty.collapsed).toBe(true);
    expect(empty.startContainer.textContent).toBe("beta");
  });

  test("a caller's skip option leaves more elements out", () => {
    document.body.innerHTML = "<p>Kept <span class='share'>Share this</span>text</p>";
    const index = buildTextIndex(document.body, { skip: (el) => el.classList.contains("share") });
    expect(index.text).toBe("Kept text\n");
  });
});

describe("describeRange", () => {
  test("a selection across inline elements and paragraphs round-trips through anchorAll", () => {
    document.body.innerHTML = page(
      html(nyt).map((p, i) => (i === 7 ? p.replace("country", "<em>country</em>") : p)),
    );
    const em = document.querySelector("#p7 em") as Element;
    const p8 = document.querySelector("#p8") as Element;
    const range = document.createRange();
    range.setStart(em.firstChild as Text, 3); // "ntry, or he goes …"
    range.setEnd(p8.firstChild as Text, 24);
    const target = describeRange(document.body, range);
    expect(target.exact.startsWith("ntry, or he goes to prison")).toBe(true);
    expect(target.exact.endsWith("News of the proposal coi")).toBe(true);
    expect(target.prefix.endsWith("Either he leaves the cou")).toBe(true);
    expect(target.prefix.length).toBe(32);
    expect(target.suffix.length).toBe(32);
    const index = buildTextIndex(document.body);
    expect(index.text.slice(target.start, target.end)).toBe(target.exact);

    const { anchored } = anchorAll(document.body, [{ id: "n", target }]);
    expect(anchored[0]?.range.toString()).toBe(range.toString());

    // The same note on a differently marked-up copy of the article.
    document.body.innerHTML = page(html(nyt).map(straight), { before: { 8: AD } });
    const again = anchorAll(document.body, [{ id: "n", target }]);
    expect(again.orphaned).toEqual([]);
    expect(again.anchored[0]?.method).toBe("fuzzy");
  });

  test("element boundary points and whitespace at the edges", () => {
    document.body.innerHTML = "<div><p>First para.</p>\n  <p>Second para.</p>\n</div>";
    const div = document.querySelector("div") as Element;
    const range = document.createRange();
    range.setStart(div, 0);
    range.setEnd(div, div.childNodes.length);
    const t = describeRange(document.body, range);
    expect(t.exact.replace(/\s+/g, " ")).toBe("First para. Second para.");
    expect(t.prefix).toBe("");
    const index = buildTextIndex(document.body);
    expect(index.text.slice(t.start, t.end)).toBe(t.exact);
  });
});
