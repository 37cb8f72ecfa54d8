import { describe, expect, test } from "vitest";
import type { Note } from "../../src/model/notes";
import { fold, parseQuery, type SearchHit, type SearchOptions } from "../../src/notes/search";
import { clock, freshStore, newNote, passage, searchStored } from "./helpers";

describe("fold", () => {
  test.each([
    ["Abdul-Jalil", "abdul jalil"],
    ["ABDUL JALÍL", "abdul jalil"],
    ["Jali\u0301l (decomposed)", "jalil decomposed"],
    ["Qaddafi’s forces", "qaddafis forces"],
    ["«Benghazi» — 2011!", "benghazi 2011"],
    ["İstanbul Straße", "istanbul straße"],
    ["ﬁnal ①", "final 1"],
    ["  line\none\t ", "line one"],
    ["Ελληνικά Σοφία", "ελληνικα σοφια"],
    ["𝐁old 𠀋", "bold 𠀋"],
  ])("%j → %j", (input, folded) => {
    expect(fold(input).text).toBe(folded);
  });

  test("every folded character maps back into the original", () => {
    const s = "Mr. Abdul-Jalíl’s 𝐁 “council”";
    const f = fold(s);
    expect(f.from).toHaveLength(f.text.length);
    expect(f.text.slice(3, 12)).toBe("abdul jal");
    expect(s.slice(f.from[3], f.to[11])).toBe("Abdul-Jal");
    expect(s.slice(f.from[f.text.length - 1], f.to[f.text.length - 1])).toBe("l");
    expect(s.slice(f.from[16], f.to[16])).toBe("𝐁");
  });
});

describe("parseQuery", () => {
  test.each([
    ["rebels  Benghazi", ["rebels", "benghazi"]],
    ['"rebel officials" NATO', ["rebel officials", "nato"]],
    ["“curly phrase” word", ["curly phrase", "word"]],
    ['"unterminated phrase', ["unterminated phrase"]],
    ["Abdul-Jalil", ["abdul jalil"]],
    ["repeat REPEAT répéat", ["repeat"]],
    ['  "" - ... ', []],
  ])("%j → %j", (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });
});

describe("search", () => {
  async function sample() {
    const { store } = await freshStore(clock());
    const add = (body: string, exact: string, articleId = "nyt-libya-2011-07") =>
      store.add(newNote({ body, articleId, target: passage(exact, 10) }));
    const notes = {
      jalil: await add("Mustafa Abdul-Jalil heads the council.", "said the chairman"),
      accented: await add("Interview with Abdul Jalíl in Benghazi.", "told reporters"),
      rebels: await add(
        "The rebel officials did not confirm.",
        "two rebel officials said",
        "csm-libya-2011-08",
      ),
      order: await add("Officials of the rebel side spoke.", "an anonymous source"),
      nato: await add("NATO strikes near Brega.\nSecond line mentions rebels.", "the alliance said"),
    };
    return { store, notes };
  }
  const ids = (hits: SearchHit[]) => hits.map((h) => h.note.id);
  const texts = (text: string, ranges: { start: number; end: number }[]) =>
    ranges.map((r) => text.slice(r.start, r.end));

  test("case, accents and hyphens do not matter: Abdul-Jalil = abdul jalil = ABDUL JALÍL", async () => {
    const { store, notes } = await sample();
    for (const query of ["abdul jalil", "Abdul-Jalil", "ABDUL JALÍL", '"abdul jalil"', "jalil abdul"])
      expect(new Set(ids(await searchStored(store, query))), query).toEqual(
        new Set([notes.jalil.id, notes.accented.id]),
      );
  });

  test("all terms must match (AND), in the body or in the passage", async () => {
    const { store, notes } = await sample();
    expect(ids(await searchStored(store, "rebel officials"))).toEqual([notes.order.id, notes.rebels.id]);
    expect(ids(await searchStored(store, "rebel nato"))).toEqual([notes.nato.id]);
    expect(ids(await searchStored(store, "alliance brega"))).toEqual([notes.nato.id]); // passage + body
    expect(await searchStored(store, "rebel zanzibar")).toEqual([]);
  });

  test("a quoted phrase must occur as written (up to case, accents and punctuation)", async () => {
    const { store, notes } = await sample();
    expect(ids(await searchStored(store, '"rebel officials"'))).toEqual([notes.rebels.id]);
    expect(ids(await searchStored(store, '"officials rebel"'))).toEqual([]);
  });

  test("terms match inside words", async () => {
    const { store, notes } = await sample();
    expect(ids(await searchStored(store, "bengh"))).toEqual([notes.accented.id]);
  });

  test("hits carry the ranges to highlight, in the original text", async () => {
    const { store, notes } = await sample();
    const [words] = await searchStored(store, "JALIL abdul");
    expect(words?.note.id).toBe(notes.accented.id);
    expect(texts(notes.accented.body, words?.body ?? [])).toEqual(["Abdul", "Jalíl"]);
    const [phrase] = await searchStored(store, '"abdul jalil"');
    expect(texts(notes.accented.body, phrase?.body ?? [])).toEqual(["Abdul Jalíl"]);
    const [rebels] = await searchStored(store, '"rebel officials" said', { articleId: "csm-libya-2011-08" });
    expect(texts(notes.rebels.body, rebels?.body ?? [])).toEqual(["rebel officials"]);
    expect(texts(notes.rebels.target.exact, rebels?.exact ?? [])).toEqual(["rebel officials", "said"]);
    const [nato] = await searchStored(store, "rebel");
    expect(texts(notes.nato.body, nato?.body ?? [])).toEqual(["rebel"]);
  });

  test("filter by article", async () => {
    const { store, notes } = await sample();
    expect(ids(await searchStored(store, "officials", { articleId: "csm-libya-2011-08" }))).toEqual([
      notes.rebels.id,
    ]);
    expect(await searchStored(store, "officials", { articleId: "unknown" })).toEqual([]);
  });

  test("sort by created or modified, newest or oldest first; an empty query lists all", async () => {
    const { store, notes } = await sample();
    await store.update(notes.jalil.id, { body: "Mustafa Abdul-Jalil, edited last." });
    const all = [notes.jalil, notes.accented, notes.rebels, notes.order, notes.nato].map((n) => n.id);
    expect(ids(await searchStored(store, "", { sort: "created", order: "asc" }))).toEqual(all);
    expect(ids(await searchStored(store, "", { sort: "created", order: "desc" }))).toEqual(
      [...all].reverse(),
    );
    expect(ids(await searchStored(store, "")).slice(0, 2)).toEqual([notes.jalil.id, notes.nato.id]); // modified, desc
    expect(ids(await searchStored(store, "", { sort: "modified", order: "asc" })).at(-1)).toBe(
      notes.jalil.id,
    );
  });

  test("removed notes are not found", async () => {
    const { store, notes } = await sample();
    await store.remove(notes.nato.id);
    expect(await searchStored(store, "brega")).toEqual([]);
    expect((await searchStored(store, "")).map((h) => h.note)).not.toContainEqual(notes.nato as Note);
  });
});

describe("tags", () => {
  test("a note is found by a word of its tags, with or without #, and the tag filter keeps only its notes", async () => {
    const { store } = await freshStore(clock());
    const a = await store.add(newNote({ body: "First.", tags: ["Council", "two words"] }));
    const b = await store.add(newNote({ body: "Second.", tags: ["nato"] }));
    await store.add(newNote({ body: "Third." }));
    const ids = async (q: string, opts?: SearchOptions) =>
      (await searchStored(store, q, opts)).map((h) => h.note.id);
    expect(await ids("council")).toEqual([a.id]);
    expect(await ids("#Council")).toEqual([a.id]);
    expect(await ids('"two words"')).toEqual([a.id]);
    expect(await ids("", { tag: "NATO" })).toEqual([b.id]);
    expect(await ids("first", { tag: "nato" })).toEqual([]);
    expect(await ids("", { tag: "council" })).toEqual([a.id]);
  });
});
