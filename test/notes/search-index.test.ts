// The notes page's search index (src/notes/search-index.ts) answers as searchNotes does — the same notes, in the
// same order, for every query, article, tag and order — on random notes with accents, apostrophes, tags and ties
// in date; folding without the map gives fold()'s text; and adding, editing and removing notes keep it current.
import { describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import { fold, searchNotes } from "../../src/notes/search";
import { foldText, NotesIndex } from "../../src/notes/search-index";
import { mulberry32 } from "../robustness/prng";

const WORDS = [
  "Abdul-Jalil",
  "abdul jalil",
  "ABDUL JALÍL",
  "Qaddafi's",
  "Libyan",
  "council",
  "ceasefire",
  "talks",
  "ﬁnance",
  "Zürich",
  "naïve",
  "“quoted”",
  "don’t",
  "2011",
  "_under_score",
  "tab\there",
  "line\nbreak",
  "😀",
  "e\u0301t\u0301e\u0301",
];

function randomNotes(n: number, seed: number): Note[] {
  const rand = mulberry32(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  const words = (k: number) => Array.from({ length: 1 + Math.floor(rand() * k) }, pick).join(" ");
  return Array.from({ length: n }, (_, i) => {
    const day = `2026-0${1 + Math.floor(rand() * 3)}-1${Math.floor(rand() * 3)}T10:00:00.000Z`; // ties on purpose
    const tags = rand() < 0.4 ? [pick(), pick()].map((t) => t.replace(/\s+/g, "-").slice(0, 20)) : undefined;
    return {
      id: `n${String(i).padStart(4, "0")}-${Math.floor(rand() * 1e6)}`,
      articleId: `a${Math.floor(rand() * 4)}`,
      url: "https://news.example/a",
      target: { exact: words(12), prefix: "", suffix: "", start: 0, end: 1 },
      body: words(20),
      created: day,
      modified: rand() < 0.5 ? day : `2026-04-0${1 + Math.floor(rand() * 5)}T10:00:00.000Z`,
      ...(tags ? { tags } : {}),
    } as Note;
  });
}

const QUERIES = [
  "",
  "abdul",
  "abdul-jalil",
  '"abdul jalil"',
  "jalil council",
  "qaddafis",
  "qaddafi's",
  "libya",
  "fi",
  "finance",
  "zurich",
  "naive",
  "quoted",
  "dont",
  "2011 talks",
  "under score",
  "😀",
  "ete",
  "nothing-like-this",
  "#council",
  "tab here",
];

describe("NotesIndex", () => {
  const notes = randomNotes(400, 7);
  const index = new NotesIndex(notes);
  const ids = (list: { id: string }[]) => list.map((n) => n.id);

  test.each(QUERIES)(
    "query %j: the notes searchNotes finds, in its order, for every sort and filter",
    (q) => {
      for (const sort of ["created", "modified"] as const)
        for (const order of ["asc", "desc"] as const)
          for (const articleId of [undefined, "a1"])
            for (const tag of [undefined, "council", "LIBYAN"]) {
              const opts = { sort, order, ...(articleId ? { articleId } : {}), ...(tag ? { tag } : {}) };
              expect(ids(index.search(q, opts))).toEqual(ids(searchNotes(notes, q, opts).map((h) => h.note)));
            }
    },
  );

  test("foldText is fold()'s text, for ASCII and other text", () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: Math.floor(rand() * 30) }, () =>
        rand() < 0.7
          ? String.fromCharCode(Math.floor(rand() * 128))
          : (WORDS[Math.floor(rand() * WORDS.length)] as string),
      ).join("");
      expect(foldText(s)).toBe(fold(s).text);
    }
  });

  test("adding, editing and removing notes: the next search sees them", () => {
    const idx = new NotesIndex(notes.slice(0, 10));
    expect(idx.search("zebra")).toEqual([]);
    const first = notes[0] as Note;
    idx.add([{ ...first, body: "A zebra crossing", modified: "2027-01-01T00:00:00.000Z" }]);
    expect(ids(idx.search("zebra"))).toEqual([first.id]);
    expect(idx.size).toBe(10);
    expect(idx.search("")[0]?.id).toBe(first.id); // edited last: first in the default order
    idx.remove([first.id]);
    expect(idx.search("zebra")).toEqual([]);
    expect(idx.size).toBe(9);
    expect(idx.get(first.id)).toBeUndefined();
  });
});
