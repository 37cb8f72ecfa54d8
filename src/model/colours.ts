// The colours of everything painted in an article: the attribution kinds (their table is src/model/kinds.ts) and
// the colours a reader can give a note, with the arithmetic of how each is drawn over a page. Imports nothing.
//
// The rules (docs/decisions/0007-palette.md), checked by test/model/colours.test.ts for each page scheme (light:
// page #ffffff, text #111111; dark: page #121212, text #e8e8e8), each colour taken as it shows on the page:
//   - any two highlight colours (the three attribution fills, the cross-reference underline, the note marks) and
//     each of them and the bare page differ by CIEDE2000 ≥ 20, for normal vision and under simulated protanopia,
//     deuteranopia and tritanopia (MACHADO_2009, severity 1) — met on light pages; on dark pages no palette found
//     reaches it, and the test holds the figure the search reached (DARK_FLOOR in the test; the decision says why);
//   - the page's text on a fill or a note mark keeps 4.5:1 (WCAG 2.1, 1.4.3); the cross-reference underline keeps
//     3:1 against the page (1.4.11);
//   - a note's underline is its mark's own colour as seen on the page, so it is as distinct as the marks.
// The colours come from scripts/palette-search.ts.

/** How a highlight is drawn: an attribution fill behind the text (CSS highlight), an underline, or a note mark (a
 *  box over the text, multiplied into a light page and screened into a dark one — src/content/marks.ts). */
export type Draw = "fill" | "line" | "mark";

export type NoteColour = "rose" | "violet" | "green";

export interface MarkStyle {
  /** The mark's box background (CSS colour, drawn with the blend of marks.ts). */
  background: string;
  /** Its underline (CSS colour). */
  line: string;
}

export interface NoteColourStyle {
  id: NoteColour;
  /** What the reader sees in the colour pickers and filters. */
  label: string;
  light: MarkStyle;
  dark: MarkStyle;
}

export const NOTE_PALETTE: readonly NoteColourStyle[] = [
  {
    id: "rose",
    label: "Rose",
    light: { background: "rgba(254, 3, 20, 0.52)", line: "#fe7c85" },
    dark: { background: "rgba(255, 173, 179, 0.51)", line: "#8b6467" },
  },
  {
    id: "violet",
    label: "Violet",
    light: { background: "rgba(53, 1, 48, 0.56)", line: "#8e718b" },
    dark: { background: "rgba(194, 153, 249, 0.41)", line: "#5c4c71" },
  },
  {
    id: "green",
    label: "Green",
    light: { background: "rgba(31, 132, 1, 0.95)", line: "#2a8a0e" },
    dark: { background: "rgba(188, 252, 1, 0.43)", line: "#5d7712" },
  },
];

// Marked pure so that a bundle which never reads it (status.js) leaves the palette out.
export const NOTE_COLOURS: readonly NoteColour[] = /* @__PURE__ */ NOTE_PALETTE.map((c) => c.id);

/** The colour of a note that has none recorded (every note written before colours existed). */
export const DEFAULT_NOTE_COLOUR: NoteColour = "rose";

export const isNoteColour = (v: unknown): v is NoteColour =>
  typeof v === "string" && (NOTE_COLOURS as readonly string[]).includes(v);

export function noteColourStyle(id: NoteColour | undefined): NoteColourStyle {
  return NOTE_PALETTE.find((c) => c.id === id) ?? (NOTE_PALETTE[0] as NoteColourStyle);
}

/** The page schemes the palette is measured for: the page's background and text colour. */
export const PAGE_SCHEMES = {
  light: { background: "#ffffff", text: "#111111" },
  dark: { background: "#121212", text: "#e8e8e8" },
} as const;
export type Scheme = keyof typeof PAGE_SCHEMES;

export type RGB = [number, number, number];

/**
 * Colour-vision deficiency simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
 * simulation of color vision deficiency", IEEE TVCG 15(6), severity 1.0; applied to linear sRGB.
 */
export const MACHADO_2009 = {
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
} as const;

/** A CSS colour (#rrggbb, rgb(), rgba()) as gamma-encoded sRGB 0..1 and its alpha. */
export function parseColour(css: string): [number, number, number, number] {
  const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (h)
    return [...h.slice(1, 4).map((x) => Number.parseInt(x, 16) / 255), 1] as [number, number, number, number];
  const m = /^rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)$/.exec(css);
  if (!m) throw new Error(`not a colour: ${css}`);
  return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255, m[4] === undefined ? 1 : Number(m[4])];
}

/**
 * What shows on a page of background `page` where `css` is drawn as `draw`, and the page's `text` there: a fill
 * lies behind the text (alpha over the page); a line is opaque; a mark lies over the text, multiplied into a light
 * page and screened into a dark one, with its alpha (as marks.ts draws it; browsers blend in sRGB).
 */
export function seenOn(draw: Draw, css: string, page: string, text: string): { colour: RGB; text: RGB } {
  const [r, g, b, a] = parseColour(css);
  const c = [r, g, b];
  const p = parseColour(page).slice(0, 3);
  const t = parseColour(text).slice(0, 3);
  const dark = luminance(p as RGB) < 0.18;
  const mix = (base: number[]): RGB =>
    base.map((x, i) => {
      const s = c[i] as number;
      const blended = draw !== "mark" ? s : dark ? x + s - x * s : x * s;
      return (1 - a) * x + a * blended;
    }) as RGB;
  return { colour: mix(p), text: draw === "mark" ? mix(t) : (t as RGB) };
}

/** The most translucent CSS colour that shows as `seen` when drawn as `draw` over `page` (inverse of seenOn). */
export function drawnFor(draw: Draw, seen: RGB, page: RGB): string {
  const rgb = (c: number[]) => c.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)).join(", ");
  if (draw === "line") return `rgb(${rgb(seen)})`;
  const dark = luminance(page) < 0.18;
  let a: number;
  let c: number[];
  if (draw === "mark" && dark) {
    // screen: S = P + a·C·(1 − P)
    const ac = seen.map((s, i) => Math.max(0, (s - (page[i] as number)) / (1 - (page[i] as number))));
    a = Math.max(...ac, 0.01);
    c = ac.map((x) => x / a);
  } else if (!dark) {
    // over white (alpha or multiply alike): S = 1 − a·(1 − C)
    a = Math.max(...seen.map((s) => 1 - s), 0.01);
    c = seen.map((s) => 1 - (1 - s) / a);
  } else {
    // alpha over a dark page: S = P + a·(C − P)
    a = Math.max(
      ...seen.map((s, i) => {
        const p = page[i] as number;
        return s >= p ? (s - p) / (1 - p) : (p - s) / p;
      }),
      0.01,
    );
    c = seen.map((s, i) => (page[i] as number) + (s - (page[i] as number)) / a);
  }
  a = Math.ceil(a * 100) / 100;
  // Recompute the colour for the rounded alpha, so that it still shows as `seen`.
  if (draw === "mark" && dark)
    c = seen.map((s, i) => (s - (page[i] as number)) / (1 - (page[i] as number)) / a);
  else if (!dark) c = seen.map((s) => 1 - (1 - s) / a);
  else c = seen.map((s, i) => (page[i] as number) + (s - (page[i] as number)) / a);
  return a >= 1 ? `rgb(${rgb(c)})` : `rgba(${rgb(c)}, ${a})`;
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** WCAG 2.1 relative luminance. */
export const luminance = (c: RGB) => 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);

export const toHex = (c: RGB) =>
  `#${c
    .map((v) =>
      Math.round(Math.min(1, Math.max(0, v)) * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** A colour as it shows on a scheme's page (opaque), for swatches on the extension's own pages. */
export const seenHex = (draw: Draw, css: string, scheme: Scheme) =>
  toHex(seenOn(draw, css, PAGE_SCHEMES[scheme].background, PAGE_SCHEMES[scheme].text).colour);
