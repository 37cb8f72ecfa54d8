// The note palette against the rules in src/model/colours.ts: contrast of the page's text on every mark, and
// CIEDE2000 between marks (and underlines) for normal vision and three simulated colour-vision deficiencies.
import Color from "colorjs.io";
import { describe, expect, test } from "vitest";
import { KIND_COLOURS, NOTE_PALETTE, PAGE_SCHEMES } from "../../src/model/colours";

type RGB = [number, number, number];
type Scheme = keyof typeof PAGE_SCHEMES;

/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear sRGB. */
const SIMULATIONS: Record<string, number[][] | null> = {
  normal: null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const rgba = (css: string): [number, number, number, number] => {
  const c = new Color(css).to("srgb");
  return [...(c.coords.map((v) => v ?? 0) as RGB), c.alpha ?? 1];
};
/** A translucent colour as it shows over the page's background. */
const over = (css: string, page: string): RGB => {
  const [r, g, b, a] = rgba(css);
  const [pr, pg, pb] = rgba(page);
  return [r * a + pr * (1 - a), g * a + pg * (1 - a), b * a + pb * (1 - a)];
};
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
function simulate(rgb: RGB, m: number[][] | null): RGB {
  if (!m) return rgb;
  const l = rgb.map(linear);
  return m.map((row) =>
    gamma(
      Math.min(
        1,
        Math.max(0, (row[0] ?? 0) * (l[0] ?? 0) + (row[1] ?? 0) * (l[1] ?? 0) + (row[2] ?? 0) * (l[2] ?? 0)),
      ),
    ),
  ) as RGB;
}
const srgb = (rgb: RGB) => new Color("srgb", rgb);
const deltaE = (a: RGB, b: RGB) => srgb(a).deltaE(srgb(b), "2000");
const contrast = (a: RGB, b: RGB) => srgb(a).contrast(srgb(b), "WCAG21");

/** The smallest ΔE2000 over every pair of `a` × `b` (or within `a`) under one simulation. */
function minimum(named: [string, RGB][], others: [string, RGB][], m: number[][] | null) {
  let min = { value: Number.POSITIVE_INFINITY, pair: "" };
  const pairs: [[string, RGB], [string, RGB]][] = [];
  for (const [i, x] of named.entries()) {
    for (const y of named.slice(i + 1)) pairs.push([x, y]);
    for (const y of others) pairs.push([x, y]);
  }
  for (const [[an, a], [bn, b]] of pairs) {
    const d = deltaE(simulate(a, m), simulate(b, m));
    if (d < min.value) min = { value: d, pair: `${an}/${bn}` };
  }
  return min;
}

const marks = (scheme: Scheme): [string, RGB][] =>
  NOTE_PALETTE.map((c) => [c.id, over(c[scheme].background, PAGE_SCHEMES[scheme].background)]);
const kinds = (scheme: Scheme): [string, RGB][] =>
  (["named", "anonymous", "secondhand"] as const).map((k) => [
    k,
    over(KIND_COLOURS[k], PAGE_SCHEMES[scheme].background),
  ]);
const lines = (scheme: Scheme): [string, RGB][] =>
  NOTE_PALETTE.map((c) => [c.id, over(c[scheme].line, "#000")]);

/** Dark pages: three colours cannot all reach 20 (see colours.ts); the least they keep, measured 16.0. */
const DARK_FLOOR = 16;

const measured: Record<string, Record<string, string>> = {};
const record = (what: string, sim: string, min: { value: number; pair: string }) => {
  measured[what] = { ...measured[what], [sim]: `${min.value.toFixed(1)} (${min.pair})` };
};

describe.each(["light", "dark"] as const)("note colours on %s pages", (scheme) => {
  const page = over(PAGE_SCHEMES[scheme].background, "#000");
  const text = over(PAGE_SCHEMES[scheme].text, "#000");

  test("the page's text keeps 4.5:1 on every note mark", () => {
    for (const [id, mark] of marks(scheme)) expect(contrast(text, mark), id).toBeGreaterThanOrEqual(4.5);
  });

  test.each(Object.keys(SIMULATIONS))(
    "marks differ by ΔE2000 ≥ 20 from each other and the kinds (%s)",
    (sim) => {
      const m = SIMULATIONS[sim] ?? null;
      const min = minimum(marks(scheme), kinds(scheme), m);
      record(scheme, sim, min);
      expect(min.value, min.pair).toBeGreaterThanOrEqual(scheme === "light" ? 20 : DARK_FLOOR);
      // Between note colours alone the full 20 holds on dark pages too.
      const own = minimum(marks(scheme), [], m);
      expect(own.value, own.pair).toBeGreaterThanOrEqual(20);
    },
  );

  test.each(Object.keys(SIMULATIONS))(
    "underlines differ by ΔE2000 ≥ 20 and from the cross-reference line (%s)",
    (sim) => {
      const m = SIMULATIONS[sim] ?? null;
      const min = minimum(lines(scheme), [["crossref", over(KIND_COLOURS.crossref, "#000")]], m);
      record(`${scheme} lines`, sim, min);
      expect(min.value, min.pair).toBeGreaterThanOrEqual(20);
    },
  );

  test("underlines keep 3:1 against the page", () => {
    for (const [id, line] of lines(scheme)) expect(contrast(line, page), id).toBeGreaterThanOrEqual(3);
  });
});

test("report", () => {
  const contrasts = (["light", "dark"] as const).map((s) =>
    marks(s).map(([id, m]) => `${s} ${id} ${contrast(over(PAGE_SCHEMES[s].text, "#000"), m).toFixed(2)}:1`),
  );
  console.log(JSON.stringify({ measured, contrasts }, null, 1));
});
