// Tags and colours: what the store keeps, what it refuses, the messages that carry them, and which colours the
// page paints under the reader's switches.
import { describe, expect, test } from "vitest";
import { DEFAULT_NOTE_COLOUR, NOTE_COLOURS } from "../../src/model/colours";
import { LIMITS } from "../../src/model/limits";
import { isBackgroundRequest } from "../../src/model/message-checks";
import type { Settings } from "../../src/model/protocol";
import { DEFAULT_VISIBILITY, noteColourVisible, visibilityFor } from "../../src/model/visibility";
import { normaliseTags } from "../../src/notes/validate";
import { clock, freshStore, newNote } from "./helpers";

describe("store", () => {
  test("a new note keeps its tags (normalised) and colour; without them it has neither", async () => {
    const { store } = await freshStore(clock());
    const a = await store.add(
      newNote({ tags: ["  Council ", "council", "two   words", ""], colour: "green" }),
    );
    expect(a).toMatchObject({ tags: ["Council", "two words"], colour: "green" });
    const b = await store.add(newNote());
    expect(b).not.toHaveProperty("tags");
    expect(b).not.toHaveProperty("colour");
    expect(await store.get(a.id)).toEqual(a);
  });

  test("an edit changes tags and colour only when given; an empty list removes the tags", async () => {
    const { store } = await freshStore(clock());
    const n = await store.add(newNote({ tags: ["a"], colour: "violet" }));
    const same = await store.update(n.id, { body: "New body." });
    expect(same).toMatchObject({ tags: ["a"], colour: "violet", body: "New body." });
    const recoloured = await store.update(n.id, { body: "New body.", colour: "rose", tags: ["b", "c"] });
    expect(recoloured).toMatchObject({ tags: ["b", "c"], colour: "rose" });
    const untagged = await store.update(n.id, { body: "New body.", tags: [] });
    expect(untagged).not.toHaveProperty("tags");
  });

  test("refused: an unknown colour, too many or too long tags, a comma in a tag", async () => {
    const { store } = await freshStore();
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => "stored",
        (e: { message: string }) => e.message,
      );
    expect(await refused(store.add(newNote({ colour: "yellow" as never })))).toBe(
      `The colour must be one of ${NOTE_COLOURS.join(", ")}.`,
    );
    expect(await refused(store.add(newNote({ tags: Array.from({ length: 33 }, (_, i) => `t${i}`) })))).toBe(
      "A note has at most 32 tags (this one has 33).",
    );
    expect(await refused(store.add(newNote({ tags: ["x".repeat(LIMITS.tag + 1)] })))).toMatch(
      /A tag is too long/,
    );
    expect(await refused(store.add(newNote({ tags: ["a,b"] })))).toBe(
      'The tag "a,b" contains a comma or a line break.',
    );
    const n = await store.add(newNote());
    expect(await refused(store.update(n.id, { body: "x", tags: [3 as never] }))).toBe("A tag must be text.");
  });

  test("listTags counts the notes carrying each tag, most used first; removed notes do not count", async () => {
    const { store } = await freshStore(clock());
    await store.add(newNote({ tags: ["b", "a"] }));
    const gone = await store.add(newNote({ tags: ["a", "c"] }));
    await store.add(newNote({ tags: ["a"] }));
    await store.remove(gone.id);
    expect(await store.listTags()).toEqual([
      { tag: "a", count: 2 },
      { tag: "b", count: 1 },
    ]);
  });

  test("listArticleIds lists each article with notes once, removed notes' too", async () => {
    const { store } = await freshStore(clock());
    await store.add(newNote());
    await store.add(newNote());
    const gone = await store.add(newNote({ articleId: "csm-libya-2011-04-01" }));
    await store.remove(gone.id);
    expect((await store.listArticleIds()).sort()).toEqual(["csm-libya-2011-04-01", "nyt-libya-2011-07"]);
  });

  test("normaliseTags: spaces collapsed, blanks and repeats in any case dropped, first spelling kept", () => {
    expect(normaliseTags(["NATO", " nato ", "a\u00a0 b", "  ", "A B"])).toEqual(["NATO", "a b"]);
  });
});

describe("messages", () => {
  const draft = {
    articleId: "nyt-libya-2011-07",
    url: "https://www.nytimes.com/x",
    target: { exact: "x", prefix: "", suffix: "", start: 0, end: 1 },
  };
  const ok = (op: unknown) => isBackgroundRequest({ type: "notes", op });
  test("add and update carry tags and a colour of the palette; tags lists the tags", () => {
    expect(ok({ op: "add", draft, body: "b", tags: ["a"], colour: "violet" })).toBe(true);
    expect(ok({ op: "add", draft, body: "b", colour: "yellow" })).toBe(false);
    expect(ok({ op: "add", draft, body: "b", tags: "a" })).toBe(false);
    expect(ok({ op: "add", draft, body: "b", tags: ["x".repeat(LIMITS.tag + 1)] })).toBe(false);
    expect(ok({ op: "update", id: "i", body: "b", tags: [], colour: "rose" })).toBe(true);
    expect(ok({ op: "update", id: "i", body: "b", tags: Array(LIMITS.tagsPerNote + 1).fill("t") })).toBe(
      false,
    );
    expect(ok({ op: "tags" })).toBe(true);
  });
  test("export: W3C or Markdown, one file per article or one for all", () => {
    expect(ok({ op: "export", format: "markdown", split: "article" })).toBe(true);
    expect(ok({ op: "export", format: "markdown" })).toBe(true);
    expect(ok({ op: "export", format: "html" })).toBe(false);
    expect(ok({ op: "export", split: "page" })).toBe(false);
  });
});

describe("noteColourVisible", () => {
  test("a colour shows unless switched off, the notes are off, or all highlights are", () => {
    const v = visibilityFor(undefined, "example.org");
    for (const c of NOTE_COLOURS) expect(noteColourVisible(v, c)).toBe(true);
    const off = { ...v, noteColours: { violet: false } };
    expect(noteColourVisible(off, "violet")).toBe(false);
    expect(noteColourVisible(off, "green")).toBe(true);
    expect(noteColourVisible({ ...v, kinds: { ...v.kinds, note: false } }, "green")).toBe(false);
    expect(noteColourVisible({ ...v, all: false }, "green")).toBe(false);
    // A note without a colour has the default one.
    expect(noteColourVisible({ ...v, noteColours: { [DEFAULT_NOTE_COLOUR]: false } }, undefined)).toBe(false);
  });
  test("per-site colour switches are read from the settings; settings saved before colours show every colour", () => {
    const settings: Settings = {
      defaults: DEFAULT_VISIBILITY,
      sites: { "nytimes.com": { ...DEFAULT_VISIBILITY, noteColours: { rose: false } } },
    };
    expect(noteColourVisible(visibilityFor(settings, "www.nytimes.com"), "rose")).toBe(false);
    expect(noteColourVisible(visibilityFor(settings, "csmonitor.com"), "rose")).toBe(true);
  });
});
