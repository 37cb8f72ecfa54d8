// The palette against the rules in src/model/colours.ts (docs/decisions/0007-palette.md): every highlight colour as
// it shows on the page (fills behind the text, underlines, note marks blended over the text), measured with
// colorjs.io: CIEDE2000 between any two and against the bare page, for normal vision and three simulated
// colour-vision deficiencies; the page's text on every fill and mark; underlines against the page.
import Color from "colorjs.io";
import { describe, expect, test } from "vitest";
import {
  type Draw,
  MACHADO_2009,
  NOTE_PALETTE,
  PAGE_SCHEMES,
  type RGB,
  type Scheme,
  seenOn,
} from "../../src/model/colours";
import { KIND_IDS, KINDS } from "../../src/model/kinds";

const SIMULATIONS: Record<string, readonly (readonly number[])[] | null> = { normal: null, ...MACHADO_2009 };

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
function simulate(rgb: RGB, m: readonly (readonly number[])[] | null): RGB {
  if (!m) return rgb;
  const l = rgb.map(linear);
  return m.map((row) =>
    gamma(
      Math.min(
        1,
        Math.max(
          0,
          row.reduce((sum, k, i) => sum + k * (l[i] as number), 0),
        ),
      ),
    ),
  ) as RGB;
}
const srgb = (rgb: RGB) => new Color("srgb", rgb);
const deltaE = (a: RGB, b: RGB) => srgb(a).deltaE(srgb(b), "2000");
const contrast = (a: RGB, b: RGB) => srgb(a).contrast(srgb(b), "WCAG21");
const opaque = (css: string): RGB => new Color(css).to("srgb").coords.map((v) => v ?? 0) as RGB;

/** Every highlight colour of a scheme as the reader sees it, with the text over it. */
function highlights(scheme: Scheme): { id: string; draw: Draw; colour: RGB; text: RGB }[] {
  const { background, text } = PAGE_SCHEMES[scheme];
  const attribution = KIND_IDS.filter((k) => k !== "note").map((k) => ({
    id: k,
    draw: KINDS[k].draw,
    css: KINDS[k][scheme],
  }));
  const notes = NOTE_PALETTE.map((c) => ({ id: c.id, draw: "mark" as const, css: c[scheme].background }));
  return [...attribution, ...notes].map((h) => ({
    id: h.id,
    draw: h.draw,
    ...seenOn(h.draw, h.css, background, text),
  }));
}

/** The least ΔE2000 between two of `set` (and each of `set` and `extra`) under one simulation, and its pair. */
function least(set: [string, RGB][], extra: [string, RGB][], m: readonly (readonly number[])[] | null) {
  let min = { value: Number.POSITIVE_INFINITY, pair: "" };
  for (const [i, [an, a]] of set.entries())
    for (const [bn, b] of [...set.slice(i + 1), ...extra]) {
      const d = deltaE(simulate(a, m), simulate(b, m));
      if (d < min.value) min = { value: d, pair: `${an}/${bn}` };
    }
  return min;
}

/**
 * The least difference each scheme is held to. Light pages meet the rule (20; measured 20.51). On dark pages no
 * palette the search found keeps 20 between seven colours and the bare page under all three simulations with the
 * page's text at 4.5:1 (scripts/palette-search.ts: 4 kinds and 1 note colour fit at 20, not 3 note colours); this
 * palette's measured least is 17.66 (DARK_FLOOR), and the test fails if a change makes it worse.
 */
const TARGET = 20;
const DARK_FLOOR = 17.6;
const FLOOR: Record<Scheme, number> = { light: TARGET, dark: DARK_FLOOR };

const measured: Record<string, Record<string, string>> = {};

describe.each(["light", "dark"] as const)("the palette on %s pages", (scheme) => {
  const page = opaque(PAGE_SCHEMES[scheme].background);
  const all = highlights(scheme);

  test("the page's text keeps 4.5:1 on every fill and note mark; underlines keep 3:1 against the page", () => {
    for (const h of all)
      if (h.draw === "line") expect(contrast(h.colour, page), h.id).toBeGreaterThanOrEqual(3);
      else expect(contrast(h.text, h.colour), h.id).toBeGreaterThanOrEqual(4.5);
  });

  test.each(Object.keys(SIMULATIONS))(
    `any two highlights, and each and the page, differ by ΔE2000 ≥ ${FLOOR[scheme]} (%s)`,
    (sim) => {
      const m = SIMULATIONS[sim] ?? null;
      const min = least(
        all.map((h) => [h.id, h.colour]),
        [["page", page]],
        m,
      );
      measured[scheme] = { ...measured[scheme], [sim]: `${min.value.toFixed(2)} (${min.pair})` };
      expect(min.value, min.pair).toBeGreaterThanOrEqual(FLOOR[scheme]);
    },
  );

  test.each(Object.keys(SIMULATIONS))(
    `note underlines differ by ΔE2000 ≥ ${FLOOR[scheme]} from each other and the cross-reference line (%s)`,
    (sim) => {
      const m = SIMULATIONS[sim] ?? null;
      const lines: [string, RGB][] = NOTE_PALETTE.map((c) => [c.id, opaque(c[scheme].line)]);
      const min = least(lines, [["crossref", opaque(KINDS.crossref[scheme])]], m);
      expect(min.value, min.pair).toBeGreaterThanOrEqual(FLOOR[scheme]);
    },
  );

  test("a note's underline is its mark's colour as seen on the page", () => {
    for (const c of NOTE_PALETTE) {
      const seen = all.find((h) => h.id === c.id)?.colour as RGB;
      expect(deltaE(opaque(c[scheme].line), seen), c.id).toBeLessThan(1);
    }
  });
});

test("the figures", () => {
  const contrasts = (["light", "dark"] as const).flatMap((s) =>
    highlights(s).map((h) =>
      h.draw === "line"
        ? `${s} ${h.id} line ${contrast(h.colour, opaque(PAGE_SCHEMES[s].background)).toFixed(2)}:1`
        : `${s} ${h.id} text ${contrast(h.text, h.colour).toFixed(2)}:1`,
    ),
  );
  console.log(JSON.stringify({ measured, contrasts }, null, 1));
});
