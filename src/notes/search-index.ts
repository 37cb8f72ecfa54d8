// The notes page's search index: every note's searchable text folded once (search.ts's folding), kept up to date
// note by note, so a search is one native substring test per note instead of folding 50,000 notes again on every
// keystroke. Same rules as searchNotes (every term in the body, the passage or a tag; the tag filter without case;
// the same order), which the unit tests check against it; the ranges to highlight are found only for the notes
// shown (matchNote).
import type { Note } from "../model/notes";
import { fold, parseQuery, type SearchOptions } from "./search";

/** Folded as fold(s).text, without the map back to `s`; plain ASCII text by native passes. */
export function foldText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
  if (/^[\x00-\x7f]*$/.test(s))
    return s
      .replace(/['`]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return fold(s).text;
}

interface Entry {
  note: Note;
  /** The folded body, passage and tags, one per line: a term (never a line break) cannot run across two. */
  hay: string;
  /** The tags in lower case, for the tag filter. */
  tags: string[];
}

type SortKey = "created" | "modified";
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NotesIndex {
  #entries = new Map<string, Entry>();
  /** The entries sorted newest first by each key, made on the first search that needs them. */
  #sorted = new Map<SortKey, Entry[]>();

  constructor(notes: Iterable<Note> = []) {
    for (const n of notes) this.#put(n);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Every note in the index (in no particular order). */
  notes(): Note[] {
    return [...this.#entries.values()].map((e) => e.note);
  }

  get(id: string): Note | undefined {
    return this.#entries.get(id)?.note;
  }

  #put(note: Note): void {
    const tags = note.tags ?? [];
    this.#entries.set(note.id, {
      note,
      hay: [foldText(note.body), foldText(note.target.exact), ...tags.map(foldText)].join("\n"),
      tags: tags.map((t) => t.toLocaleLowerCase("en")),
    });
  }

  /** Adds the notes, or replaces those with the same id. */
  add(notes: Iterable<Note>): void {
    for (const n of notes) this.#put(n);
    this.#sorted.clear();
  }

  /** Drops the notes with these ids (unknown ids are ignored). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.#entries.delete(id);
    this.#sorted.clear();
  }

  #byKey(key: SortKey): Entry[] {
    let list = this.#sorted.get(key);
    if (!list) {
      list = [...this.#entries.values()].sort(
        (a, b) => -(cmp(a.note[key], b.note[key]) || cmp(a.note.id, b.note.id)),
      );
      this.#sorted.set(key, list);
    }
    return list;
  }

  /** The notes matching `query` under `opts`, in searchNotes' order. */
  search(query: string, opts: SearchOptions = {}): Note[] {
    const terms = parseQuery(query);
    const tag = opts.tag?.toLocaleLowerCase("en");
    const { articleId } = opts;
    const out: Note[] = [];
    for (const e of this.#byKey(opts.sort ?? "modified")) {
      if (articleId !== undefined && e.note.articleId !== articleId) continue;
      if (tag !== undefined && !e.tags.includes(tag)) continue;
      let all = true;
      for (const t of terms)
        if (!e.hay.includes(t)) {
          all = false;
          break;
        }
      if (all) out.push(e.note);
    }
    return opts.order === "asc" ? out.reverse() : out;
  }
}
