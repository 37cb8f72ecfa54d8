// Extension pages and the background → the other contexts: one call per direction, each reply typed by its
// request (src/model/replies.ts), so no caller picks a reply type.
import browser from "webextension-polyfill";
import { LIMITS } from "../model/limits";
import type { BackgroundRequest, ContentRequest, NotesOp } from "../model/protocol";
import type { BackgroundReply, ContentReply, NotesResult, NotesValue, PartedReply } from "../model/replies";

/** An extension page → the background. Rejects when the background cannot be reached. */
export async function callFromPage<R extends BackgroundRequest>(request: R): Promise<BackgroundReply<R>> {
  return (await browser.runtime.sendMessage(request)) as BackgroundReply<R>;
}

/** The content script of a tab; null when the tab has none or does not answer. */
export async function callTab<R extends ContentRequest>(
  tabId: number,
  request: R,
): Promise<ContentReply<R> | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request)) as ContentReply<R> | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * `text` in pieces of at most `size` code units, never splitting a surrogate pair (a lone half would not survive
 * the message's JSON).
 */
export function splitParts(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && last >= 0xd800 && last < 0xdc00) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

type Raw<T> = NotesResult<T> | PartedReply | undefined;

async function send<T>(op: NotesOp): Promise<Raw<T>> {
  return (await callFromPage({ type: "notes", op })) as Raw<T>;
}

/**
 * One notes operation from an extension page to the background, which owns the notes store. Always a result,
 * never a thrown error: the background may be restarting or the extension reloading. A value too large for one
 * message travels in parts, both ways (an import's text is uploaded first; a large reply is fetched part by part
 * and joined), so no caller has to know.
 */
export async function notesOp<O extends NotesOp>(op: O): Promise<NotesResult<NotesValue<O>>> {
  type V = NotesValue<O>;
  try {
    let request: NotesOp = op;
    if (op.op === "import" && op.text.length > LIMITS.messagePart) {
      const id = crypto.randomUUID();
      const parts = splitParts(op.text, LIMITS.messagePart);
      for (const [index, text] of parts.entries()) {
        const r = await send<undefined>({ op: "upload", id, index, count: parts.length, text });
        if (!r?.ok) return (r as NotesResult<V>) ?? unanswered();
      }
      request = { op: "import", text: "", upload: id };
    }
    const r = await send<V>(request);
    if (!r) return unanswered();
    if (!("parted" in r)) return r;
    const { id, count, json } = r.parted;
    const parts: string[] = [];
    for (let index = 0; index < count; index++) {
      const p = await send<string>({ op: "part", id, index });
      if (!p || "parted" in p) return unanswered();
      if (!p.ok) return p;
      parts.push(p.value);
    }
    const text = parts.join("");
    return { ok: true, value: (json ? JSON.parse(text) : text) as V };
  } catch (e) {
    return { ok: false, code: "failed", message: `The extension did not answer (${(e as Error).message}).` };
  }
}

const unanswered = <T>(): NotesResult<T> => ({
  ok: false,
  code: "failed",
  message: "The extension did not answer.",
});
