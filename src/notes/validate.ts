// The rules every note obeys, whether the reader writes it or a file brings it. Every field is checked at run
// time (notes arrive from messages and files, whatever their types say); each check returns the first problem
// in words for the reader, or null.
import { isNoteColour, NOTE_COLOURS } from "../model/colours";
import { ARTICLE_ID, LIMITS } from "../model/limits";
import type { NewNote, Note } from "../model/notes";

export { LIMITS };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute URI with only the characters RFC 3986 allows unescaped. */
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
/** C0 controls other than tab and line breaks, and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const count = (n: number) => n.toLocaleString("en-US");

export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * A string of text, not too long, well-formed. "required": not blank; "may-be-empty": any string;
 * "optional": absent, or not blank.
 */
function textProblem(
  value: unknown,
  what: string,
  max: number,
  mode: "required" | "may-be-empty" | "optional",
) {
  if (value === undefined && mode === "optional") return null;
  if (typeof value !== "string") return `${what} must be text.`;
  if (mode !== "may-be-empty" && value.trim() === "") return `${what} is empty.`;
  if (value.length > max)
    return `${what} is too long: ${count(value.length)} characters (at most ${count(max)}).`;
  if (CONTROL.test(value)) return `${what} contains control characters.`;
  if (LONE_SURROGATE.test(value)) return `${what} contains broken Unicode (a lone surrogate).`;
  return null;
}

export function targetProblem(t: unknown): string | null {
  if (typeof t !== "object" || t === null) return "The selected passage is missing.";
  const { exact, prefix, suffix, start, end } = t as Record<string, unknown>;
  const problem =
    textProblem(exact, "The selected text", LIMITS.exact, "required") ??
    textProblem(prefix, "The text before the selection", LIMITS.context, "may-be-empty") ??
    textProblem(suffix, "The text after the selection", LIMITS.context, "may-be-empty");
  if (problem) return problem;
  const whole = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (!whole(start) || !whole(end))
    return `The selection's position must be whole numbers from 0 (start ${String(start)}, end ${String(end)}).`;
  if ((start as number) >= (end as number))
    return `The selection's start (${start}) must come before its end (${end}).`;
  return null;
}

export function urlProblem(url: unknown): string | null {
  if (typeof url !== "string" || url.length > LIMITS.url || !ABSOLUTE_URI.test(url))
    return "The page address is not a valid URL.";
  if (!/^https?:\/\//i.test(url)) return "The page address must be an http or https URL.";
  return null;
}

function timeProblem(value: unknown, what: string, optional = false): string | null {
  if (value === undefined && optional) return null;
  const ok = typeof value === "string" && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value));
  return ok ? null : `${what} is not an ISO 8601 UTC timestamp.`;
}

/** The problem of a note's text, or null. */
export const bodyProblem = (body: unknown): string | null =>
  textProblem(body, "The note", LIMITS.body, "required");

/** Tags as stored: whitespace runs made one space, trimmed, empty ones dropped, repeats (any case) dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, " ").trim();
    const key = tag.toLocaleLowerCase("en");
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The problem of a note's tags (absent, or a list of short texts without commas), or null. */
export function tagsProblem(tags: unknown): string | null {
  if (tags === undefined) return null;
  if (!Array.isArray(tags)) return "The tags must be a list.";
  if (tags.length > LIMITS.tagsPerNote)
    return `A note has at most ${LIMITS.tagsPerNote} tags (this one has ${count(tags.length)}).`;
  for (const tag of tags) {
    const problem = textProblem(tag, "A tag", LIMITS.tag, "required");
    if (problem) return problem;
    if (/[,\n\r\t]/.test(tag as string))
      return `The tag ${JSON.stringify(tag)} contains a comma or a line break.`;
  }
  return null;
}

export function colourProblem(colour: unknown): string | null {
  if (colour === undefined || isNoteColour(colour)) return null;
  return `The colour must be one of ${NOTE_COLOURS.join(", ")}.`;
}

/** The first problem of what the reader wrote, or null. */
export function newNoteProblem(n: NewNote): string | null {
  if (typeof n !== "object" || n === null) return "The note is missing.";
  if (typeof n.articleId !== "string" || !ARTICLE_ID.test(n.articleId))
    return `The article id is not valid (lowercase letters, digits and dashes, at most ${LIMITS.articleId}).`;
  return (
    urlProblem(n.url) ??
    targetProblem(n.target) ??
    bodyProblem(n.body) ??
    textProblem(n.attachedTo, "The card id", LIMITS.attachedTo, "optional") ??
    tagsProblem(n.tags) ??
    colourProblem(n.colour)
  );
}

/** The first problem of a complete note (imported, or about to be stored), or null. */
export function noteProblem(n: Note): string | null {
  if (typeof n !== "object" || n === null) return "The note is missing.";
  if (typeof n.id !== "string" || n.id.length > LIMITS.id || !(isUuid(n.id) || ABSOLUTE_URI.test(n.id)))
    return "The note id must be a UUID or an absolute URI.";
  return (
    newNoteProblem(n) ??
    timeProblem(n.created, "The creation time") ??
    timeProblem(n.modified, "The modification time") ??
    timeProblem(n.deleted, "The removal time", true)
  );
}
