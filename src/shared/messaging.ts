// Extension pages and the background → the other contexts: one call per direction, each reply typed by its
// request (src/model/replies.ts), so no caller picks a reply type.
import browser from "webextension-polyfill";
import type { BackgroundRequest, ContentRequest, NotesOp } from "../model/protocol";
import type { BackgroundReply, ContentReply, NotesResult, NotesValue } from "../model/replies";

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
 * One notes operation from an extension page to the background, which owns the notes store. Always a result,
 * never a thrown error: the background may be restarting or the extension reloading.
 */
export async function notesOp<O extends NotesOp>(op: O): Promise<NotesResult<NotesValue<O>>> {
  try {
    const r = (await callFromPage({ type: "notes", op })) as NotesResult<NotesValue<O>> | undefined;
    return r ?? { ok: false, code: "failed", message: "The extension did not answer." };
  } catch (e) {
    return { ok: false, code: "failed", message: `The extension did not answer (${(e as Error).message}).` };
  }
}
