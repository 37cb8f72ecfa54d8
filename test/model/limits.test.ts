// One limits table: a note at every limit of src/model/limits.ts is one the store accepts and one every message
// that carries it accepts (so an imported note can be edited, re-attached, removed, restored and purged), and one
// character more is refused by both.
import { describe, expect, test } from "vitest";
import { LIMITS } from "../../src/model/limits";
import { isBackgroundRequest } from "../../src/model/message-checks";
import type { Note } from "../../src/model/notes";
import type { NoteDraft } from "../../src/model/protocol";
import { noteProblem } from "../../src/notes/validate";

const longUrl = (n: number) => `https://example.org/${"a".repeat(n - 20)}`;

/** A note with every field at its limit (plus `over` characters in `field`). */
function atLimits(
  over: Partial<Record<"id" | "url" | "exact" | "context" | "attachedTo" | "articleId", 1>> = {},
) {
  const n = (k: keyof typeof over, limit: number) => limit + (over[k] ?? 0);
  const note: Note = {
    id: longUrl(n("id", LIMITS.id)),
    articleId: "a".repeat(n("articleId", LIMITS.articleId)),
    url: longUrl(n("url", LIMITS.url)),
    target: {
      exact: "e".repeat(n("exact", LIMITS.exact)),
      prefix: "p".repeat(n("context", LIMITS.context)),
      suffix: "s".repeat(n("context", LIMITS.context)),
      start: 0,
      end: 1,
    },
    body: "b".repeat(LIMITS.body),
    attachedTo: "x".repeat(n("attachedTo", LIMITS.attachedTo)),
    tags: Array.from({ length: LIMITS.tagsPerNote }, (_, i) => `${i}`.padEnd(LIMITS.tag, "t")),
    created: "2024-03-01T10:00:00.000Z",
    modified: "2024-03-01T10:00:00.000Z",
  };
  return note;
}

/** Every message that carries a stored note, or a passage taken from one. */
function messagesFor(note: Note): unknown[] {
  const draft: NoteDraft = {
    articleId: note.articleId,
    url: note.url,
    target: note.target,
    ...(note.attachedTo ? { attachedTo: note.attachedTo } : {}),
  };
  const notes = (op: object) => ({ type: "notes", op });
  return [
    notes({ op: "add", draft, body: note.body, tags: note.tags }),
    notes({ op: "update", id: note.id, body: note.body, base: note.modified, tags: note.tags }),
    notes({ op: "reattach", id: note.id, draft }),
    notes({ op: "remove", id: note.id }),
    notes({ op: "restore", id: note.id }),
    notes({ op: "purge", id: note.id }),
    notes({ op: "list", articleId: note.articleId }),
    { type: "note-draft", draft },
    { type: "sidebar-open", nonce: "00000000-0000-4000-8000-000000000000", intent: { note: note.id } },
  ];
}

describe("the limits table", () => {
  test("a note at every limit is valid, and so is every message that carries it", () => {
    const note = atLimits();
    expect(noteProblem(note)).toBeNull();
    for (const m of messagesFor(note))
      expect(isBackgroundRequest(m), JSON.stringify(m).slice(0, 80)).toBe(true);
  });

  test.each(["id", "url", "exact", "context", "attachedTo", "articleId"] as const)(
    "one character more in %s: the note is refused, and so is every message that carries that field",
    (field) => {
      const note = atLimits({ [field]: 1 });
      expect(noteProblem(note)).not.toBeNull();
      const carrying = messagesFor(note).filter((m) => {
        const s = JSON.stringify(m);
        return field === "context"
          ? s.includes('"prefix"')
          : s.includes(JSON.stringify(note[field === "exact" ? "target" : field] ?? ""));
      });
      expect(carrying.length).toBeGreaterThan(0);
      for (const m of carrying) expect(isBackgroundRequest(m), JSON.stringify(m).slice(0, 80)).toBe(false);
    },
  );
});
