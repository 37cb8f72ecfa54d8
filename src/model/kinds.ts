// The highlight kinds: one table of what each is called, what it means and how it is drawn, for the page (paint.ts,
// the card), the extension's pages (legend, popup, sidebar, options) and the README legend. The CSS custom
// properties of src/shared/ui.css and the README's legend are written from it by scripts/legend.ts, and
// test/model/kinds.test.ts fails when they disagree. Imports only the colour model.
import {
  DEFAULT_NOTE_COLOUR,
  type Draw,
  NOTE_PALETTE,
  noteColourStyle,
  type Scheme,
  seenHex,
} from "./colours";

export type KindId = "named" | "anonymous" | "secondhand" | "crossref" | "note";

export interface KindRow {
  id: KindId;
  /** The reader's name for it (switches, filters, legend). */
  label: string;
  /** One line on what it means (tooltips, the options page, the README). */
  description: string;
  /** The colour's name, as the README's legend says it. */
  colourName: string;
  /** A fill behind the text (CSS highlight), an underline, or a note mark over the text. */
  draw: Draw;
  /** The CSS colour drawn on a light page and on a dark one (for notes: the default note colour's). */
  light: string;
  dark: string;
}

const note = noteColourStyle(DEFAULT_NOTE_COLOUR);

export const KINDS: Readonly<Record<KindId, KindRow>> = {
  named: {
    id: "named",
    label: "Named source",
    description: "a quotation or statement from a person or body the article names",
    colourName: "blue",
    draw: "fill",
    light: "rgba(4, 102, 231, 0.39)",
    dark: "rgb(108, 64, 254)",
  },
  anonymous: {
    id: "anonymous",
    label: "Anonymous source",
    description: "the article does not name the source (“a source close to the opposition”)",
    colourName: "amber",
    draw: "fill",
    light: "rgba(254, 214, 1, 0.96)",
    dark: "rgba(108, 35, 0, 0.86)",
  },
  secondhand: {
    id: "secondhand",
    label: "Second-hand",
    description: "it reaches the article through another outlet (Reuters, The Associated Press, …)",
    colourName: "purple",
    draw: "fill",
    light: "rgba(65, 4, 255, 0.58)",
    dark: "rgba(54, 0, 71, 0.99)",
  },
  crossref: {
    id: "crossref",
    label: "Cross-reference",
    description: "the same person, claim or event in the other articles",
    colourName: "green underline",
    draw: "line",
    light: "rgb(21, 62, 40)",
    dark: "rgb(22, 220, 176)",
  },
  note: {
    id: "note",
    label: "Your notes",
    description: "passages you wrote a note on, in the note's colour (kept in this browser only)",
    colourName: NOTE_PALETTE.map((c) => c.label.toLowerCase()).join(", "),
    draw: "mark",
    light: note.light.background,
    dark: note.dark.background,
  },
};

export const KIND_IDS = Object.keys(KINDS) as KindId[];

/** A highlight's name in the page's registry: the kind's on a light page, with `-dark` on a dark one (the colours
 *  of both schemes are in one sheet, highlightSheet; a page turning dark is a change of names, not of the sheet). */
export const highlightName = (kind: KindId, scheme: Scheme) =>
  scheme === "dark" ? `sa-${kind}-dark` : `sa-${kind}`;

/** The sidebar's "show me" flash, whatever the scheme. */
export const FLASH_NAME = "sa-flash";

/** The ::highlight rules for the attribution kinds in one scheme (cross-references underlined, so that they show
 *  through an attribution's colour). */
function highlightCss(scheme: Scheme): string {
  return KIND_IDS.filter((k) => k !== "note")
    .map((k) => {
      const row = KINDS[k];
      const name = highlightName(k, scheme);
      return row.draw === "line"
        ? `::highlight(${name}) { text-decoration: underline 2px ${row[scheme]}; text-underline-offset: 3px; }`
        : `::highlight(${name}) { background-color: ${row[scheme]}; }`;
    })
    .join("\n");
}

/** The style sheet of our highlights in a page (paint.ts): both schemes and the flash. build.mjs writes it to
 *  highlights.css, which the browser injects with a site's data before the page is parsed; elsewhere content.js
 *  puts it in a <style> when it first paints. */
export const highlightSheet = () =>
  `${highlightCss("light")}\n${highlightCss("dark")}\n::highlight(${FLASH_NAME}) { background-color: rgba(255, 110, 0, 0.5); }\n`;

/** Each kind's colour as it shows on a page of the scheme (opaque), for swatches, bars and badges. */
export const swatchColour = (k: KindId, scheme: Scheme) => seenHex(KINDS[k].draw, KINDS[k][scheme], scheme);

/** The custom properties of src/shared/ui.css (--named, …), light in :root, dark under prefers-color-scheme. */
export function cssProperties(): string {
  const block = (scheme: Scheme, indent: string) =>
    KIND_IDS.map((k) => `${indent}--${k}: ${swatchColour(k, scheme)};`).join("\n");
  return `:root {\n${block("light", "  ")}\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n${block("dark", "    ")}\n  }\n}`;
}

/** The README's legend (a Markdown table). */
export function readmeLegend(): string {
  const rows = KIND_IDS.map((k) => {
    const r = KINDS[k];
    return [r.colourName, `**${r.label.toLowerCase()}**: ${r.description}`];
  });
  const w0 = Math.max("highlight".length, ...rows.map((r) => (r[0] as string).length));
  const w1 = Math.max("meaning".length, ...rows.map((r) => (r[1] as string).length));
  const line = (a: string, b: string) => `| ${a.padEnd(w0)} | ${b.padEnd(w1)} |`;
  return [
    line("highlight", "meaning"),
    `| ${"-".repeat(w0)} | ${"-".repeat(w1)} |`,
    ...rows.map(([a, b]) => line(a as string, b as string)),
  ].join("\n");
}

/** The card's badge of each attribution kind (src/content/card.ts): a fill as on the page, an underline as on it. */
export function badgeCss(): string {
  const rules = (scheme: Scheme) =>
    KIND_IDS.filter((k) => k !== "note")
      .map((k) =>
        KINDS[k].draw === "line"
          ? `.card .badge.${k} { box-shadow: inset 0 -2px ${KINDS[k][scheme]}; }`
          : `.card .badge.${k} { background: ${KINDS[k][scheme]}; }`,
      )
      .join(" ");
  return `${rules("light")}\n@media (prefers-color-scheme: dark) { ${rules("dark")} }`;
}
