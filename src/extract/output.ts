// The evidence model the library returns: each attribution with its content, cue and source spans (offsets into the
// text), the speaker or "speaker unclear", and how sure the rules are.
import type { RawAttribution } from "./types";

/** How sure the rules are of a speaker: named at the cue, found through a pronoun or description, or a continuation. */
export function confidenceOf(a: RawAttribution): number {
  if (!a.speaker.entityId) return 0;
  if (a.continuesIndex !== undefined) return 0.8;
  return a.speaker.antecedent ? 0.75 : 0.9;
}

/** The offset and length of the cue word an attribution stands on, when the text holds it there. */
export function cueSpan(text: string, a: RawAttribution): { start: number; end: number } | null {
  const cueWord = a.cue.split(/\s+/)[0] ?? "";
  return cueWord && text.startsWith(cueWord, a.cueAt)
    ? { start: a.cueAt, end: a.cueAt + cueWord.length }
    : null;
}
