import { describe, expect, test } from "vitest";
import { contextSimilarity } from "../../src/anchoring/context-distance";
import { matchQuote } from "../../src/anchoring/match-quote";
import {
  fromSource,
  normaliseForMatch,
  normaliseWithMap,
  sourceIndex,
  toSource,
} from "../../src/anchoring/normalise";
import type { TextTarget } from "../../src/model/dataset";
import { prng } from "./bigpage";
import { csm, nyt, straight, targetOf } from "./fixtures";

const t = (exact: string, prefix = "", suffix = "", start = 0): TextTarget => ({
  exact,
  prefix,
  suffix,
  start,
  end: start + exact.length,
});

describe("normaliseWithMap", () => {
  test.each([
    ["“Curly” and ‘single’ and it’s", "\"Curly\" and 'single' and it's"],
    ["„low“ ‚low‘ « guillemets » ″", '"low" \'low\' " guillemets " "'],
    ["a — b – c ‐ d ‑ e − f", "a-b-c-d-e-f"],
    ["a—b", "a-b"],
    ["Abdul-Jalil", "Abdul-Jalil"],
    ["one\u00a0two \n\t three\u2009four", "one two three four"],
    ["soft\u00adhy\u200bphen", "softhyphen"],
    ["wait…", "wait..."],
    ["  leading and trailing  ", " leading and trailing "],
  ])("%j → %j", (input, out) => {
    expect(normaliseWithMap(input).text).toBe(out);
  });

  test("normaliseForMatch is normaliseWithMap without the map", () => {
    for (const s of [nyt.text, csm.text, "a \u2014 b\u2026 “c”\u00a0 d"]) {
      expect(normaliseForMatch(s, true)).toBe(normaliseWithMap(s, { lowercase: true }).text);
    }
  });

  test("lowercase keeps one character per character (even İ)", () => {
    const n = normaliseWithMap("İstanbul SAID", { lowercase: true });
    expect(n.text).toBe("İstanbul said");
    expect(n.text.length).toBe(13);
  });

  test("every normalised character maps back to its source", () => {
    const src = "RUJBAN, Libya \u2014 The leader\u00a0\u00a0of Libya\u2019s “opposition”…  end";
    const n = normaliseWithMap(src);
    expect(sourceIndex(n, n.text.length)).toBe(src.length);
    for (let i = 0; i < n.text.length; i++) {
      const c = src[sourceIndex(n, i)] as string;
      const ok = c === n.text[i] || /\s/.test(c) || "—’“”…".includes(c);
      expect(ok, `${i}: ${c} vs ${n.text[i]}`).toBe(true);
    }
    const i = n.text.indexOf("libya's".replace("l", "L"));
    expect(toSource(n, i, i + 7)).toEqual({
      start: src.indexOf("Libya\u2019s"),
      end: src.indexOf("Libya\u2019s") + 7,
    });
    expect(fromSource(n, src.indexOf("The"))).toBe(n.text.indexOf("The"));
  });

  /**
   * The rules of normalisation as a plain per-character loop (how the module first implemented them): the text and
   * the source index of each output character. The module's native-string version must agree on any input.
   */
  function reference(src: string): { text: string; map: number[] } {
    const space = (c: string) =>
      /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(c);
    const drop = (c: string) => "\u00ad\u200b\u200c\u200d\u2060\ufeff".includes(c);
    const dash = (c: string) => /[-\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d]/.test(c);
    const fold: Record<string, string> = { "\u03c2": "\u03c3" };
    for (const c of "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc`\u00b4") fold[c] = "'";
    for (const c of "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02") fold[c] = '"';
    let text = "";
    const map: number[] = [];
    let inSpace = false;
    let afterDash = false;
    for (let i = 0; i < src.length; i++) {
      const c = src[i] as string;
      if (space(c)) {
        if (!inSpace && !afterDash) {
          text += " ";
          map.push(i);
          inSpace = true;
        }
        continue;
      }
      if (drop(c)) continue;
      if (dash(c) && inSpace) {
        text = text.slice(0, -1);
        map.pop();
      }
      inSpace = false;
      afterDash = dash(c);
      const out = dash(c) ? "-" : c === "\u2026" ? "..." : (fold[c] ?? c);
      for (const o of out) {
        text += o;
        map.push(i);
      }
    }
    map.push(src.length);
    return { text, map };
  }

  test("agrees with the per-character rules on random text of every special character", () => {
    const alphabet = [..."ab Σς-\u2014\u2013 \n\t\u00a0\u2009\u00ad\u200b\u2026\u2019\u201c\u201d`\u00b4x"];
    const rand = prng(11);
    for (let n = 0; n < 3000; n++) {
      let src = "";
      const len = Math.floor(rand() * 24);
      for (let k = 0; k < len; k++) src += alphabet[Math.floor(rand() * alphabet.length)];
      const got = normaliseWithMap(src);
      const want = reference(src);
      expect(got.text, JSON.stringify(src)).toBe(want.text);
      expect(
        Array.from({ length: got.text.length + 1 }, (_, i) => sourceIndex(got, i)),
        JSON.stringify(src),
      ).toEqual(want.map);
      expect(normaliseForMatch(src)).toBe(want.text);
    }
    for (const page of [nyt.text, csm.text]) expect(normaliseWithMap(page).text).toBe(reference(page).text);
  });
});

describe("contextSimilarity", () => {
  // Reference: full edit distance of the context against the text next to `at`, the far end free.
  function reference(text: string, at: number, ctx: string, dir: 1 | -1): number {
    const m = ctx.length;
    const n = dir === 1 ? Math.min(m + 8, text.length - at) : Math.min(m + 8, at);
    const t = dir === 1 ? text.slice(at, at + n) : [...text.slice(at - n, at)].reverse().join("");
    const p = dir === 1 ? ctx : [...ctx].reverse().join("");
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= m; i++) {
      const cur = [i];
      for (let j = 1; j <= n; j++) {
        cur[j] = Math.min(
          (prev[j] as number) + 1,
          (cur[j - 1] as number) + 1,
          (prev[j - 1] as number) + (p[i - 1] === t[j - 1] ? 0 : 1),
        );
      }
      prev = cur;
    }
    return Math.min(...prev);
  }

  test("the distance is the full edit distance (bit-parallel up to 32 characters, a plain table beyond)", () => {
    const rand = prng(7);
    const word = (n: number) => Array.from({ length: n }, () => "abcdé “"[Math.floor(rand() * 7)]).join("");
    for (let k = 0; k < 3000; k++) {
      const text = word(1 + Math.floor(rand() * 60));
      const at = Math.floor(rand() * (text.length + 1));
      const n = 1 + Math.floor(rand() * 48);
      for (const dir of [1, -1] as const) {
        const near = dir === 1 ? text.slice(at, at + n) : text.slice(Math.max(0, at - n), at);
        const ctx = rand() < 0.5 ? word(n) : [...near].map((c) => (rand() < 0.15 ? "x" : c)).join("") || "x";
        const got = Math.round((1 - contextSimilarity(text, at, ctx, dir)) * ctx.length);
        const want = reference(text, at, ctx, dir);
        expect(got, JSON.stringify({ text, at, ctx, dir })).toBe(want);
      }
    }
  });

  test("prefix and suffix agreement", () => {
    const text = "alpha beta gamma delta";
    expect(contextSimilarity(text, 11, "alpha beta ", -1)).toBe(1);
    expect(contextSimilarity(text, 16, " delta", 1)).toBe(1);
    expect(contextSimilarity(text, 16, " delts", 1)).toBeCloseTo(5 / 6);
    expect(contextSimilarity(text, 0, "anything", -1)).toBe(0);
    expect(contextSimilarity(text, 0, "", -1)).toBe(1);
  });
});

describe("matchQuote", () => {
  test("exact, after normalisation, with offsets into the original text", () => {
    const text = straight(nyt.text).replace(/ — /g, "—");
    const target = targetOf(nyt.text, "There is no escape clause for Qaddafi — he must be removed");
    const m = matchQuote(text, target);
    expect(m?.method).toBe("exact");
    expect(text.slice(m?.start, m?.end)).toBe("There is no escape clause for Qaddafi—he must be removed");
  });

  test("several exact occurrences: the one whose prefix and suffix agree", () => {
    const text = "He said no. Then: she said no, firmly. Later he said no again.";
    const m = matchQuote(text, t("said no", "Then: she ", ", firmly"));
    expect(m?.start).toBe(text.indexOf("said no, firmly"));
    expect(m?.method).toBe("exact");
  });

  test("whitespace at the ends of a selection counts as context, not as quote", () => {
    // The reader selected " said no" in the second sentence: its context is "x: " and ", y.", so the second
    // occurrence agrees on both sides, the first on neither.
    const text = "x:said no,y. x: said no, y.";
    const m = matchQuote(text, t(" said no", "x:", ", y."));
    expect(m).toMatchObject({ start: 16, end: 23, method: "exact", score: 1 });
  });

  test("several exact occurrences with the same context: the one nearest the expected position", () => {
    const text = "alpha beta. ".repeat(10);
    const target = t("alpha beta", ". ", ". ", 73);
    expect(matchQuote(text, target, { sourceLength: text.length })?.start).toBe(72);
    expect(matchQuote(text, target, { hint: 24 })?.start).toBe(24);
  });

  test("fuzzy: a few characters edited", () => {
    const target = targetOf(nyt.text, "“Either he leaves the country, or he goes to prison,”");
    const text = nyt.text.replace("goes to prison", "goes to jail");
    const m = matchQuote(text, target);
    expect(m?.method).toBe("fuzzy");
    expect(text.slice(m?.start, m?.end)).toBe("“Either he leaves the country, or he goes to jail,”");
    expect(m?.score).toBeGreaterThan(0.8);
  });

  test("null when absent, too different, or empty", () => {
    expect(matchQuote(nyt.text, t("The rebels agreed to a cease-fire in Misurata today."))).toBeNull();
    expect(matchQuote(nyt.text, t("“Either she stays in the city, or they go to court,”"))).toBeNull();
    expect(matchQuote(nyt.text, t("   "))).toBeNull();
  });

  test("a multi-paragraph quote interrupted by other text", () => {
    const exact = csm.text.slice(csm.text.indexOf("Benefiting"), csm.text.indexOf(" if the Libyan leader"));
    const target = targetOf(csm.text, exact);
    const text = csm.text.replace(
      "\n\nAn opposition leader",
      "\n\nRELATED: Rebels retreat from Ras Lanuf as Qaddafi forces advance with tanks and rockets\n\nAn opposition leader",
    );
    const m = matchQuote(text, target);
    expect(m?.method).toBe("fuzzy");
    expect(text.slice(m?.start, m?.end)).toBe(
      exact.replace(
        "\n\nAn",
        "\n\nRELATED: Rebels retreat from Ras Lanuf as Qaddafi forces advance with tanks and rockets\n\nAn",
      ),
    );
  });

  test("long quotes stay fast in a large text", () => {
    // A 3,000-character quote with edits, in ~1 MB of other text.
    const exact = nyt.text.slice(0, 3000);
    const filler = csm.text.replace(/Qaddafi/g, "Gadhafi").repeat(300);
    const edited = exact.replace(/Qaddafi/g, "Kadafi").replace(/\n\n/g, "\n\nAdvertisement\n\n");
    const page = `${filler}\n\n${edited}\n\n${filler}`;
    const t0 = performance.now();
    const m = matchQuote(page, targetOf(nyt.text, exact));
    const ms = performance.now() - t0;
    console.log(
      `long quote: ${exact.length} chars in ${(page.length / 1e6).toFixed(2)} MB text: ${ms.toFixed(1)} ms`,
    );
    expect(m?.method).toBe("fuzzy");
    expect(m?.start).toBe(filler.length + 2);
    expect(page.slice(m?.start, m?.end)).toBe(edited);
  });
});
