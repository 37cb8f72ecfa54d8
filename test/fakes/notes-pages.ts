// The background's "page" notes operation over a list of notes, as the notes page reads them (src/notes-page/
// use-notes.ts): newest first by offset, or by id after a given one; undefined for any other operation.
import type { Note } from "../../src/model/notes";

export interface PageOp {
  op: string;
  offset?: number;
  after?: string;
  limit?: number;
}

export function notesPage(stored: Note[], op: PageOp | undefined) {
  if (op?.op !== "page") return undefined;
  if (op.after !== undefined) {
    const byId = [...stored].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((n) => n.id > (op.after ?? ""));
    const page = byId.slice(0, op.limit);
    const last = page.length === op.limit ? (page.at(-1)?.id ?? null) : null;
    return { ok: true, value: { notes: page, next: last, total: stored.length } };
  }
  const newest = [...stored].sort((a, b) => (a.modified < b.modified ? 1 : -1));
  const end = (op.offset ?? 0) + (op.limit ?? 0);
  return {
    ok: true,
    value: {
      notes: newest.slice(op.offset, end),
      next: end < newest.length ? end : null,
      total: stored.length,
    },
  };
}
