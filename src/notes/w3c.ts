// Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): export to an AnnotationCollection
// with its first (and only) AnnotationPage embedded, and import from one.
//
// A note becomes a "commenting" Annotation with a plain-text TextualBody and a target on the page it was written
// on, selected by a TextQuoteSelector and a TextPositionSelector. Two properties of our own, in the namespace
// SA_NAMESPACE declared in each annotation's @context, carry what the model has no term for:
// "sa:articleId" (the dataset article, so the note shows on every copy) and "sa:attachedTo" (the card it was
// written from). The target's "scope" names the article's first known URL when the page is another copy.
// Note ids are UUIDs, exported as urn:uuid: URIs; an imported annotation keeps its id.
// Tags are TextualBody bodies with purpose "tagging" (the note's text is then the first of the bodies); a colour
// is the target's styleClass "sa-note-<colour>", defined in the annotation's CssStylesheet.
//
// Import is strict about what a note needs and never throws: each item is a note or a rejection with a reason.
// Accepted: an AnnotationCollection with its first page embedded, an AnnotationPage, one Annotation, or an
// array of Annotations. Motivation "commenting", "describing" or "questioning", or none (a note is prose);
// exactly one plain-text TextualBody (or bodyValue), among bodies of other purposes such as tags; one target
// with an http(s) source and both a TextQuoteSelector and a TextPositionSelector; "sa:articleId".

import { isNoteColour, type NoteColour, noteColourStyle } from "../model/colours";
import type { TextTarget } from "../model/dataset";
import { LIMITS } from "../model/limits";
import type { ImportReport, Note, ParsedImport, Rejection } from "../model/notes";
import { hypothesisItems, type KnownArticle, parseHypothesis } from "./hypothesis";
import type { NotesStore } from "./store";
import { isUuid, normaliseTags, noteProblem } from "./validate";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const SA_NAMESPACE = "https://source-annotator.invalid/ns#";

export interface ArticleInfo {
  headline?: string;
  publisher: string;
  urls: string[];
}

export interface WebAnnotation {
  "@context": [string, { sa: string }];
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified: string;
  body: TextBody | TextBody[];
  stylesheet?: { type: "CssStylesheet"; value: string };
  target: {
    source: string;
    scope?: string;
    styleClass?: string;
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
  "sa:articleId": string;
  "sa:attachedTo"?: string;
}

export interface TextBody {
  type: "TextualBody";
  value: string;
  format: "text/plain";
  purpose: "commenting" | "tagging";
}

const STYLE_CLASS = "sa-note-";
const styleClass = (c: NoteColour) => `${STYLE_CLASS}${c}`;

export interface AnnotationCollection {
  "@context": string;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: { id: string; type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

/** One note as a Web Annotation; its article, when known, gives the target's scope. */
export function toAnnotation(note: Note, article?: ArticleInfo): WebAnnotation {
  const { exact, prefix, suffix, start, end } = note.target;
  const scope = article?.urls[0];
  const comment: TextBody = {
    type: "TextualBody",
    value: note.body,
    format: "text/plain",
    purpose: "commenting",
  };
  const tags = (note.tags ?? []).map(
    (value): TextBody => ({ type: "TextualBody", value, format: "text/plain", purpose: "tagging" }),
  );
  const colour = note.colour && noteColourStyle(note.colour);
  return {
    "@context": [ANNO_CONTEXT, { sa: SA_NAMESPACE }],
    id: isUuid(note.id) ? `urn:uuid:${note.id}` : note.id,
    type: "Annotation",
    motivation: "commenting",
    created: note.created,
    modified: note.modified,
    body: tags.length ? [comment, ...tags] : comment,
    ...(colour
      ? {
          stylesheet: {
            type: "CssStylesheet" as const,
            value: `.${styleClass(colour.id)} { background-color: ${colour.light.background}; text-decoration-color: ${colour.light.line}; }`,
          },
        }
      : {}),
    target: {
      source: note.url,
      ...(scope && scope !== note.url ? { scope } : {}),
      ...(colour ? { styleClass: styleClass(colour.id) } : {}),
      selector: [
        { type: "TextQuoteSelector", exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: "TextPositionSelector", start, end },
      ],
    },
    "sa:articleId": note.articleId,
    ...(note.attachedTo === undefined ? {} : { "sa:attachedTo": note.attachedTo }),
  };
}

/** "Notes on “Headline” (Publisher)" for one article, else a count. */
function defaultLabel(notes: Note[], articles: Record<string, ArticleInfo>): string {
  const ids = new Set(notes.map((n) => n.articleId));
  const [only] = ids;
  const article = only === undefined ? undefined : articles[only];
  if (ids.size === 1 && article?.headline) return `Notes on “${article.headline}” (${article.publisher})`;
  return `Source Annotator notes: ${notes.length} on ${ids.size} article${ids.size === 1 ? "" : "s"}`;
}

/** The notes as one AnnotationCollection (JSON-LD); its page is left out when there are no notes. */
export function exportCollection(
  notes: Note[],
  opts: { articles: Record<string, ArticleInfo>; label?: string; id?: string },
): AnnotationCollection {
  const items = notes.map((n) => toAnnotation(n, opts.articles[n.articleId]));
  return {
    "@context": ANNO_CONTEXT,
    id: opts.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: "AnnotationCollection",
    label: opts.label ?? defaultLabel(notes, opts.articles),
    total: items.length,
    ...(items.length
      ? { first: { id: `urn:uuid:${crypto.randomUUID()}`, type: "AnnotationPage", startIndex: 0, items } }
      : {}),
  };
}

// ---- Import ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: unknown, type: string) => list(v).includes(type);

/** A value as a reason shows it: short, quoted if a string. */
function show(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

const COMMENT_MOTIVATIONS = ["commenting", "describing", "questioning"];
const CORRECTION_MOTIVATIONS = ["editing", "moderating"];

/**
 * An item that is a correction of an attribution, not a note: ours ("sa:correction"), or motivated editing or
 * moderating and not also as a note is. parseImport passes over it, src/notes/w3c-corrections.ts reads it
 * (decision 0009).
 */
export function isCorrectionItem(v: unknown): boolean {
  if (!isObj(v)) return false;
  if ("sa:correction" in v) return true;
  const motivations = list(v.motivation);
  return (
    motivations.some((m) => CORRECTION_MOTIVATIONS.includes(m as string)) &&
    !motivations.some((m) => COMMENT_MOTIVATIONS.includes(m as string))
  );
}
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 16;

function contextProblem(context: unknown, inherited: boolean): string | null {
  if (context === undefined && inherited) return null;
  const ok = list(context).some((c) => c === ANNO_CONTEXT || c === "https://www.w3.org/ns/anno.jsonld");
  return ok ? null : `its @context must be (or include) "${ANNO_CONTEXT}" (got ${show(context)}).`;
}

const forbiddenKey = (o: object) => Object.keys(o).find((k) => FORBIDDEN_KEYS.has(k));

/** A key that has no business in an annotation (prototype pollution), or nesting beyond reason. */
function shapeProblem(v: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `it is nested more than ${MAX_DEPTH} levels deep.`;
  if (typeof v !== "object" || v === null) return null;
  const key = forbiddenKey(v);
  if (key) return `it contains the key "${key}", which is not allowed.`;
  for (const value of Object.values(v)) {
    const problem = shapeProblem(value, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** A date-time with a zone, as Date.toISOString writes it; `fallback` when absent. */
function isoTime(v: unknown, what: string, fallback: string): string {
  if (v === undefined) return fallback;
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
  if (typeof v !== "string" || !rfc3339.test(v) || Number.isNaN(Date.parse(v)))
    throw new Rejected(`its ${what} time is not an ISO 8601 date-time (got ${show(v)}).`);
  return new Date(v).toISOString();
}

/** Thrown inside noteFrom's helpers to reject the item; never escapes parseImport. */
class Rejected extends Error {}

function bodyOf(a: Obj): string {
  if (a.bodyValue !== undefined) {
    if (a.body !== undefined) throw new Rejected("it has both body and bodyValue.");
    if (typeof a.bodyValue !== "string")
      throw new Rejected(`its bodyValue must be text (got ${show(a.bodyValue)}).`);
    return a.bodyValue;
  }
  // Textual bodies that are the comment: not tags or other purposes.
  const texts = list(a.body).filter(
    (b) =>
      isObj(b) &&
      "value" in b &&
      (b.type === undefined || hasType(b.type, "TextualBody")) &&
      (b.purpose === undefined || list(b.purpose).some((p) => COMMENT_MOTIVATIONS.includes(p as string))),
  ) as Obj[];
  const [body] = texts;
  if (!body) throw new Rejected("it has no text body (a TextualBody with a plain-text value).");
  if (texts.length > 1) throw new Rejected(`it has ${texts.length} text bodies; a note has one.`);
  if (typeof body.value !== "string")
    throw new Rejected(`its body value must be text (got ${show(body.value)}).`);
  if (body.format !== undefined && body.format !== "text/plain")
    throw new Rejected(`its body format ${show(body.format)} is not supported (notes are plain text).`);
  return body.value;
}

/** The values of the bodies whose purpose is "tagging". */
function tagsOf(a: Obj): string[] {
  const tags: string[] = [];
  for (const b of list(a.body)) {
    if (!isObj(b) || !list(b.purpose).includes("tagging")) continue;
    if (typeof b.value !== "string") throw new Rejected(`a tag must be text (got ${show(b.value)}).`);
    tags.push(b.value);
  }
  return normaliseTags(tags);
}

/** The colour named by the target's styleClass ("sa-note-rose"); other classes are not ours. */
function colourOf(a: Obj): NoteColour | undefined {
  const [t] = list(a.target);
  if (!isObj(t)) return undefined;
  for (const c of list(t.styleClass)) {
    const id = typeof c === "string" && c.startsWith(STYLE_CLASS) ? c.slice(STYLE_CLASS.length) : undefined;
    if (isNoteColour(id)) return id;
  }
  return undefined;
}

function targetOf(a: Obj): { url: unknown; target: TextTarget } {
  const targets = list(a.target);
  const [t] = targets;
  if (t === undefined) throw new Rejected("it has no target.");
  if (targets.length > 1) throw new Rejected(`it has ${targets.length} targets; a note has one.`);
  if (!isObj(t)) throw new Rejected(`its target must be a passage of a page (got ${show(t)}).`);
  const url = isObj(t.source) ? t.source.id : t.source;
  if (url === undefined) throw new Rejected("its target has no source (the page address).");
  const selectors = list(t.selector);
  const find = (type: string) => selectors.find((s): s is Obj => isObj(s) && hasType(s.type, type));
  const quote = find("TextQuoteSelector");
  const position = find("TextPositionSelector");
  if (!quote || !position) {
    const found = selectors.map((s) => (isObj(s) ? show(s.type) : show(s))).join(", ") || "none";
    throw new Rejected(`its target needs a TextQuoteSelector and a TextPositionSelector (found: ${found}).`);
  }
  const { exact, prefix = "", suffix = "" } = quote;
  for (const [name, v] of Object.entries({ exact, prefix, suffix }))
    if (typeof v !== "string")
      throw new Rejected(`its TextQuoteSelector's ${name} must be text (got ${show(v)}).`);
  return {
    url,
    target: {
      exact: exact as string,
      prefix: prefix as string,
      suffix: suffix as string,
      start: position.start as number,
      end: position.end as number,
    },
  };
}

/** The note an annotation describes; throws Rejected with the reason. */
function noteFrom(a: unknown, inheritedContext: boolean, now: string): Note {
  if (!isObj(a)) throw new Rejected(`it is not an annotation (got ${show(a)}).`);
  const problem = shapeProblem(a) ?? contextProblem(a["@context"], inheritedContext);
  if (problem) throw new Rejected(problem);
  if (!hasType(a.type, "Annotation"))
    throw new Rejected(`its type must be "Annotation" (got ${show(a.type)}).`);
  const motivations = list(a.motivation);
  if (motivations.length && !motivations.some((m) => COMMENT_MOTIVATIONS.includes(m as string)))
    throw new Rejected(
      `its motivation ${show(a.motivation)} is not a note (accepted: ${COMMENT_MOTIVATIONS.join(", ")}).`,
    );
  if (typeof a.id !== "string") throw new Rejected("it has no id.");
  const uuid = /^urn:uuid:(.*)$/i.exec(a.id)?.[1];
  if (typeof a["sa:articleId"] !== "string")
    throw new Rejected(
      'it has no "sa:articleId" (the article of the Source Annotator dataset it belongs to).',
    );
  const { url, target } = targetOf(a);
  const created = isoTime(a.created, "creation", now);
  const tags = tagsOf(a);
  const colour = colourOf(a);
  const note = {
    id: uuid && isUuid(uuid) ? uuid : a.id,
    articleId: a["sa:articleId"],
    url,
    target,
    body: bodyOf(a),
    created,
    modified: isoTime(a.modified, "modification", created),
    ...(a["sa:attachedTo"] === undefined ? {} : { attachedTo: a["sa:attachedTo"] }),
    ...(tags.length ? { tags } : {}),
    ...(colour ? { colour } : {}),
  } as Note;
  const invalid = noteProblem(note);
  if (invalid) throw new Rejected(invalid);
  return note;
}

/** The annotations of a parsed file, and whether they inherit its @context; or why the file is refused. */
export function itemsOf(doc: unknown): { items: unknown[]; inherited: boolean; more?: string } | string {
  if (Array.isArray(doc)) return { items: doc, inherited: false };
  if (!isObj(doc))
    return `expected an annotation, a page or a collection (a JSON object or array), got ${show(doc)}.`;
  const key = forbiddenKey(doc) ?? (isObj(doc.first) ? forbiddenKey(doc.first) : undefined);
  if (key) return `the file contains the key "${key}", which is not allowed.`;
  if (hasType(doc.type, "Annotation")) return { items: [doc], inherited: false };
  const isCollection = hasType(doc.type, "AnnotationCollection");
  if (!isCollection && !hasType(doc.type, "AnnotationPage"))
    return `type ${show(doc.type)} is not Annotation, AnnotationPage or AnnotationCollection.`;
  const context = contextProblem(doc["@context"], false);
  if (context) return `the ${isCollection ? "collection" : "page"} is refused: ${context}`;
  const page = isCollection ? doc.first : doc;
  if (page === undefined) return { items: [], inherited: true };
  if (typeof page === "string")
    return `the collection's first page is not in the file (${show(page)}); export it with its annotations embedded.`;
  if (!isObj(page) || !hasType(page.type, "AnnotationPage") || !Array.isArray(page.items))
    return "the collection's first page is not an AnnotationPage with a list of items.";
  const more = typeof page.next === "string" ? page.next : undefined;
  return { items: page.items, inherited: true, ...(more ? { more } : {}) };
}

/** UTF-8 length of a string, without encoding it. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return n;
}

/** Reads a file of Web Annotations into notes, item by item. Never throws. */
export function parseImport(
  text: string,
  opts: { now?: Date; articles?: readonly KnownArticle[] } = {},
): ParsedImport {
  const refuse = (reason: string): ParsedImport => ({ notes: [], rejected: [{ index: null, reason }] });
  if (typeof text !== "string") return refuse("the file could not be read as text.");
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (text.length > LIMITS.importBytes / 3 && utf8Bytes(text) > LIMITS.importBytes)
    return refuse(`the file is too large: ${mb(utf8Bytes(text))} (at most ${mb(LIMITS.importBytes)}).`);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    return refuse(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A Hypothesis export or API search result: its annotations are placed on the known articles by address.
  const hypothesis = hypothesisItems(doc);
  if (hypothesis) {
    if (hypothesis.length > LIMITS.importItems)
      return refuse(
        `too many annotations: ${hypothesis.length.toLocaleString("en-US")} (at most ${LIMITS.importItems.toLocaleString("en-US")}).`,
      );
    return { ...parseHypothesis(hypothesis, opts.articles ?? [], opts), format: "hypothesis" };
  }
  const found = itemsOf(doc);
  if (typeof found === "string") return refuse(found);
  const { items, inherited, more } = found;
  if (items.length > LIMITS.importItems)
    return refuse(
      `too many annotations: ${items.length.toLocaleString("en-US")} (at most ${LIMITS.importItems.toLocaleString("en-US")}).`,
    );
  const now = (opts.now ?? new Date()).toISOString();
  const notes: Note[] = [];
  const rejected: Rejection[] = [];
  const firstIndex = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    // Corrections are not notes: neither imported nor rejected here (importCorrections reads them).
    if (isCorrectionItem(item)) continue;
    try {
      const note = noteFrom(item, inherited, now);
      const earlier = firstIndex.get(note.id);
      if (earlier !== undefined) throw new Rejected(`it has the same id as item ${earlier}.`);
      firstIndex.set(note.id, index);
      notes.push(note);
    } catch (e) {
      rejected.push({
        index,
        reason: e instanceof Rejected ? e.message : `it could not be read (${String(e)}).`,
      });
    }
  }
  if (more)
    rejected.push({
      index: null,
      reason: `the collection has more pages, not in the file (next: ${show(more)}).`,
    });
  return { notes, rejected };
}

/**
 * parseImport, then one all-or-nothing write of the accepted notes, skipping ids already stored. `articles`:
 * the known articles, where a Hypothesis file's annotations are placed by their addresses.
 */
export async function importAnnotations(
  store: NotesStore,
  text: string,
  opts: { articles?: readonly KnownArticle[] } = {},
): Promise<ImportReport> {
  const { notes, rejected, format } = parseImport(text, opts);
  const result = notes.length
    ? await store.importMany(notes, { skipExisting: true })
    : { added: 0, skippedDuplicates: 0 };
  return { ...result, rejected, ...(format ? { format } : {}) };
}
