// A large synthetic page for performance tests, built from the seed articles (DOM-free: returns markup).
import type { AnchorTarget } from "../../src/anchoring/dom";
import { mulberry32 } from "../robustness/prng";
import { AD, csm, entities, esc, nyt, page, RELATED, straight } from "./fixtures";

/** The tests' seeded generator (mulberry32). */
export const prng = mulberry32;

export interface Planned {
  id: string;
  copy: number;
  exact: string;
  expect: string;
}

/**
 * A ~500 KB page of copies of the two articles (each sentence made unique by its copy number, rendered in four
 * styles, ads between paragraphs) and 300 targets into the "dataset" text of all copies: sentences, a few words
 * (repeated across copies: prefix/suffix and position decide), paragraph ends running into the next paragraph,
 * and one target in five with two letters swapped (fuzzy).
 */
export function bigPage() {
  const rand = prng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;

  // Copies of the two articles, each sentence made unique by its copy number, rendered in four styles.
  const copies: string[][] = [];
  const bodies: string[] = [];
  let size = 0;
  for (let k = 0; size < 520_000; k++) {
    const base = k % 2 ? csm.paragraphs : nyt.paragraphs;
    const paras = base.map((p) => p.replace(/(\w{4,})([.!?])(?=\s|$)/g, `$1 ${k}$2`));
    const style = (p: string, i: number) => {
      const h = esc(p);
      if (k % 4 === 1) return straight(h);
      if (k % 4 === 2) return entities(h).replace(/, /g, ",&nbsp;");
      if (k % 4 === 3)
        return h
          .split(" ")
          .map((w, j) => (j === 3 ? `<a href="/t/${i}">${w}</a>` : j === 6 ? `<em>${w}</em>` : w))
          .join(" ");
      return h;
    };
    const body = paras.map((p, i) => `${i % 3 === 2 ? AD : ""}<p>${style(p, i)}</p>`).join("\n");
    const chunk = `<article id="copy-${k}"><h2>Dispatch ${k}</h2>${body}</article>${RELATED}`;
    copies.push(paras);
    bodies.push(chunk);
    size += chunk.length;
  }
  const html = page([], { top: bodies.join("\n") });

  // The "dataset" text: all copies' paragraphs, "\n\n" between them.
  const all: { copy: number; para: number; start: number }[] = [];
  const texts: string[] = [];
  let offset = 0;
  copies.forEach((paras, copy) => {
    paras.forEach((p, para) => {
      all.push({ copy, para, start: offset });
      texts.push(p);
      offset += p.length + 2;
    });
  });
  const text = texts.join("\n\n");

  const planned: Planned[] = [];
  const targets: AnchorTarget[] = [];
  for (let n = 0; n < 300; n++) {
    const at = pick(all);
    const p = texts[all.indexOf(at)] as string;
    let s: number;
    let e: number;
    const kind = n % 10;
    if (kind < 6) {
      // a sentence
      const sentences = [...p.matchAll(/[^.!?]+[.!?]+["”]?/g)].map((m) => ({
        i: m.index ?? 0,
        len: m[0].length,
      }));
      const m = pick(sentences.length ? sentences : [{ i: 0, len: p.length }]);
      s = at.start + m.i;
      e = s + m.len;
    } else if (kind < 8) {
      // a few words (often repeated across copies: prefix/suffix decide)
      const words = [...p.matchAll(/\S+/g)];
      const i = Math.floor(rand() * Math.max(1, words.length - 6));
      const a = words[i] as RegExpMatchArray;
      const b = words[Math.min(words.length - 1, i + 2 + Math.floor(rand() * 5))] as RegExpMatchArray;
      s = at.start + (a.index ?? 0);
      e = at.start + (b.index ?? 0) + b[0].length;
    } else {
      // the end of a paragraph and the start of the next (an ad between them one time in three)
      const k = all.indexOf(at);
      const first = all[k + 1]?.copy === at.copy ? k : k - 1;
      const startPara = all[first] as (typeof all)[number];
      const para = texts[first] as string;
      s = startPara.start + Math.floor(para.length / 2);
      e = startPara.start + para.length + 2 + 40;
    }
    while (/\s/.test(text[s] as string)) s++;
    let exact = text.slice(s, e).trim();
    const expected = exact;
    if (kind === 9 || kind === 5) {
      // the dataset and the page disagree on a word
      exact = exact.length > 40 ? exact.replace(/\b(\w)(\w)(\w+)\b/, "$2$1$3") : exact;
    }
    const id = `t${n}`;
    planned.push({ id, copy: at.copy, exact, expect: expected });
    targets.push({
      id,
      target: {
        exact,
        prefix: text.slice(Math.max(0, s - 32), s),
        suffix: text.slice(e, e + 32),
        start: s,
        end: e,
      },
    });
  }
  return { html, text, targets, planned };
}
