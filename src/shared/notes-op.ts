// One notes operation from an extension page to the background, which owns the notes store. Always a result,
// never a thrown error: the background may be restarting or the extension reloading.
import browser from "webextension-polyfill";
import type { NotesOp } from "../model/protocol";
import type { NotesResult } from "../model/replies";

export async function notesOp<T>(op: NotesOp): Promise<NotesResult<T>> {
  try {
    const r = (await browser.runtime.sendMessage({ type: "notes", op })) as NotesResult<T> | undefined;
    return r ?? { ok: false, code: "failed", message: "The extension did not answer." };
  } catch (e) {
    return { ok: false, code: "failed", message: `The extension did not answer (${(e as Error).message}).` };
  }
}
