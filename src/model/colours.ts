// The colours of everything painted in an article: the attribution kinds (src/content/paint.ts) and the colours
// a reader can give a note. One table, so the test that keeps them apart (test/model/colours.test.ts) measures
// what is painted. Imports nothing.
//
// The rules, checked by that test for each page scheme (light: page #ffffff, text #111111; dark: page #121212,
// text #e8e8e8), translucent colours composited over the page:
//   - the page's text on a note's mark keeps a contrast of at least 4.5:1 (WCAG 2.1, 1.4.3);
//   - any two note marks, and any note mark and any attribution kind, differ by CIEDE2000 ≥ 20, for normal
//     vision and under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
//     severity 1);
//   - note underlines likewise differ from each other and from the cross-reference underline, and keep 3:1
//     against the page (WCAG 2.1, 1.4.11).
// Exhaustive searches over translucent sRGB colours found at most 3 note colours that meet every rule on light
// pages, and at most 2 on dark pages: the kinds' translucent colours over a dark page all sit near L* 20, and a
// mark light enough to stand 20 apart from them under every simulation leaves #e8e8e8 text below 4.5:1. The
// dark variants below are the three that keep the largest least difference (16.0, rose and the anonymous kind
// under tritanopia); the test holds them to that floor (DARK_FLOOR) and docs/notes.md says so.

/** The attribution kinds' marks, as paint.ts draws them (the same colours on light and dark pages). */
export const KIND_COLOURS = {
  named: "rgba(56, 132, 255, 0.28)",
  anonymous: "rgba(255, 166, 0, 0.38)",
  secondhand: "rgba(190, 80, 255, 0.28)",
  /** An underline, not a background: cross-references show through an attribution's colour. */
  crossref: "rgb(0, 150, 110)",
} as const;

export type NoteColour = "rose" | "violet" | "green";

export interface MarkStyle {
  /** The mark's box background (CSS colour). */
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
    light: { background: "rgba(203, 77, 119, 0.7)", line: "rgb(92, 10, 85)" },
    dark: { background: "rgba(179, 0, 0, 0.3)", line: "rgb(255, 179, 249)" },
  },
  {
    id: "violet",
    label: "Violet",
    light: { background: "rgba(121, 26, 255, 0.6)", line: "rgb(170, 0, 255)" },
    dark: { background: "rgba(153, 51, 255, 0.9)", line: "rgb(140, 51, 204)" },
  },
  {
    id: "green",
    label: "Green",
    light: { background: "rgba(100, 152, 27, 0.9)", line: "rgb(20, 82, 20)" },
    dark: { background: "rgba(187, 224, 184, 0.4)", line: "rgb(221, 255, 51)" },
  },
];

export const NOTE_COLOURS: readonly NoteColour[] = NOTE_PALETTE.map((c) => c.id);

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
