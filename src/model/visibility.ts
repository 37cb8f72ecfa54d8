// Which highlights show on a site: the reader's settings, per site with a global default.
import { DEFAULT_NOTE_COLOUR, type NoteColour } from "./colours";
import type { Settings, Visibility } from "./protocol";

export const DEFAULT_VISIBILITY: Visibility = {
  all: true,
  kinds: { named: true, anonymous: true, secondhand: true, crossref: true, note: true },
};

/** The host prefixes siteKey drops: these hosts share their site's switches (a test keeps the two the same; the
 *  regular expression is written out so that content.js, at the edge of its size budget, carries no list). */
export const SITE_KEY_PREFIXES = ["www", "m", "mobile", "amp"] as const;

export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^(?:www|m|mobile|amp)\./, "");
}

export function visibilityFor(settings: Partial<Settings> | undefined, hostname: string): Visibility {
  const v = settings?.sites?.[siteKey(hostname)] ?? settings?.defaults ?? DEFAULT_VISIBILITY;
  // Kinds (and note colours) added since the settings were saved are shown.
  return {
    all: v.all,
    kinds: { ...DEFAULT_VISIBILITY.kinds, ...v.kinds },
    ...(v.noteColours ? { noteColours: { ...v.noteColours } } : {}),
  };
}

/**
 * Whether notes of `colour` (absent: the default colour) are painted: all highlights on, the notes on, and that
 * colour not switched off.
 */
export function noteColourVisible(v: Visibility, colour: NoteColour | undefined): boolean {
  return v.all && v.kinds.note && v.noteColours?.[colour ?? DEFAULT_NOTE_COLOUR] !== false;
}

/**
 * The switches a known article's first paint needs, as one short name (docs/decisions/0017-first-frame.md): "off"
 * (all highlights off) or "k" and one digit per dataset kind (named, anonymous, secondhand, crossref). The reader's
 * notes are painted later, with the stored settings. The background registers, for each site whose switches are
 * not the defaults, a content script `switches/<name>.js` that runs at document_start and leaves the name where
 * content.js reads it at once: the stored settings come only with a message, after the first frame.
 */
export const FIRST_PAINT_KINDS = ["named", "anonymous", "secondhand", "crossref"] as const;

export function firstPaintName(v: Visibility): string {
  return v.all ? `k${FIRST_PAINT_KINDS.map((k) => (v.kinds[k] ? 1 : 0)).join("")}` : "off";
}

/** Every name firstPaintName gives (build.mjs writes one file per name). */
export function firstPaintNames(): string[] {
  return [
    "off",
    ...Array.from(
      { length: 2 ** FIRST_PAINT_KINDS.length },
      (_, i) => `k${i.toString(2).padStart(FIRST_PAINT_KINDS.length, "0")}`,
    ),
  ];
}

/** The switches a name stands for (notes as by default); the defaults for no name or one that is not ours. */
export function firstPaintVisibility(name: unknown): Visibility {
  const kinds = { ...DEFAULT_VISIBILITY.kinds };
  if (name === "off") return { all: false, kinds };
  if (typeof name !== "string" || !/^k[01]{4}$/.test(name)) return visibilityFor(undefined, "");
  FIRST_PAINT_KINDS.forEach((k, i) => {
    kinds[k] = name[i + 1] === "1";
  });
  return { all: true, kinds };
}
