// Which highlights show on a site: the reader's settings, per site with a global default.
import { DEFAULT_NOTE_COLOUR, type NoteColour } from "./colours";
import type { Settings, Visibility } from "./protocol";

export const DEFAULT_VISIBILITY: Visibility = {
  all: true,
  kinds: { named: true, anonymous: true, secondhand: true, crossref: true, note: true },
};

export function siteKey(hostname: string): string {
  const h = hostname.toLowerCase().replace(/^(?:www|m|mobile|amp)\./, "");
  return h;
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
