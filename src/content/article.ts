// The article part of the content script: bundled into content.js but started only on a recognised article
// (other pages only parse it). It makes the article's session (session.ts), feeds it the switches as they come
// and the reader's notes once the background has them, and hands the loader a small handle.
import type {
  ContentRequest,
  NoteAnchor,
  PagePayload,
  Settings,
  Status,
  Visibility,
} from "../model/protocol";
import type { ContentReply } from "../model/replies";
import { visibilityFor } from "../model/visibility";
import { changedSettings } from "../shared/settings";
import { api } from "./api";
import type { callBackground } from "./call";
import type { PageUi } from "./page-ui";
import { supported } from "./paint";
import { ArticleSession } from "./session";
import { yieldToMain } from "./slices";
import type { Timings } from "./timings";

export interface Loader {
  status: Status;
  timings: Timings;
  send: typeof callBackground;
  /** Told the handle as soon as the overlays are painted (the notes come after). */
  painted?: (article: ArticleHandle) => void;
}

export interface ArticleHandle {
  /** What the article part adds to the status. */
  status(): Partial<Status>;
  /** Handle a request the loader does not; `reply` answers it. */
  onMessage(m: ContentRequest, reply: (r: ContentReply<ContentRequest>) => void): void;
  /** The page changed: anchor again. */
  reanchor(): void;
  /** Every target and note placed, and still in the document (session.ts placedAll()). */
  placedAll(): boolean;
  /** The page's changes may have changed the text under a highlight (session.ts changedUnder()). */
  changedUnder(records: readonly MutationRecord[]): boolean;
  /** The page took the article's text from under the highlights (session.ts lost()). */
  lost(textAdded: boolean): boolean;
  /** How long the last anchoring pass took. */
  lastAnchorMs(): number;
  /** End the session: listeners removed, highlights and our UI gone. */
  dispose(): void;
  /** Our own UI's boxes and state, for the end-to-end tests' driver (in their builds only). */
  boxes(selector: string, withText?: string): ReturnType<PageUi["boxesOf"]>;
  ui(): ReturnType<PageUi["snapshot"]> | null;
}

/** What the article part starts from: the payload at once, the switches as they come, and where the reader's
 *  notes are when the background sent them already (else they are asked once the overlays are painted: the
 *  background may have to wake up). */
export interface ArticleInputs {
  payload: PagePayload;
  /** The stored settings, asked for only once the overlays are painted when `firstPaint` is given. */
  settings: () => Promise<Settings | undefined>;
  notes?: NoteAnchor[];
  /** The switches for the first paint, known at once (background/first-paint.ts): the overlays are painted with
   *  them in this task, and with the stored settings once these come, if they differ. */
  firstPaint?: Visibility;
  /** Found by an analysis on this device (the page painted long ago: no first frame to be in). */
  analysed?: boolean;
  /** When this task's work on the page began, when the recognition ran in it (the site's data in the page): the
   *  anchoring for the first frame has what is left of its slice. */
  since?: number;
}

/**
 * Anchor the article's targets while the switches are read, paint them as the switches say, then anchor and paint
 * the reader's notes once the background has them; then keep all of it up to date. Resolves when the notes are in.
 */
export async function startArticle(loader: Loader, begin: ArticleInputs): Promise<ArticleHandle | null> {
  const { status, timings, send } = loader;
  if (!supported()) {
    status.note = "this browser cannot paint highlights (CSS Custom Highlight API missing)";
    return null;
  }
  const session = new ArticleSession({
    doc: document,
    payload: begin.payload,
    status,
    timings,
    // The browser injects our highlight sheet with any site data file (paint.ts): where a data file ran, it is there.
    sheetInPage: (globalThis.__sourceAnnotatorSites?.length ?? 0) > 0,
    background: {
      noteAnchors: (articleId) => send({ type: "note-anchors", articleId }),
      card: (articleId, targetId) => send({ type: "card", articleId, targetId }),
      noteDraft: (draft) => send({ type: "note-draft", draft }),
    },
  });
  // A known article's targets are anchored in this task (the first slice); a long list goes on in slices while
  // the switches are read.
  const anchoring = session.anchor(!begin.analysed, begin.since);
  let switched = false; // the switches changed while the stored ones were being read: the change wins
  const onSettings = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    const c = changedSettings(changes, area);
    if (!c) return;
    switched = true;
    const t0 = performance.now();
    session.setVisibility(visibilityFor(c.settings, location.hostname));
    timings.afterFrame("toggleMs", t0);
  };
  const handle: ArticleHandle = {
    status: () => ({ visibility: session.visibility }),
    reanchor: () => void session.reanchor(),
    lost: (textAdded) => session.lost(textAdded),
    placedAll: () => session.placedAll(),
    changedUnder: (records) => session.changedUnder(records),
    lastAnchorMs: () => session.lastAnchorMs,
    dispose: () => {
      api.storage.onChanged.removeListener(onSettings);
      session.dispose();
    },
    boxes: (selector, withText) => session.existingUi()?.boxesOf(selector, withText) ?? [],
    ui: () => session.existingUi()?.snapshot() ?? null,
    onMessage: (m, reply) => session.handle(m, reply),
  };
  const stored = () => begin.settings().then((v) => visibilityFor(v, location.hostname));
  // Not once the session has ended (it may, in the task the listening waits for).
  const listen = () => session.disposed || api.storage.onChanged.addListener(onSettings);
  if (!begin.firstPaint) listen();
  session.visibility = begin.firstPaint ?? (await stored());
  // Anchored in slices: the paint comes in a task of its own, not after the last slice.
  if (anchoring instanceof Promise && (await anchoring)) await yieldToMain();
  timings.painting();
  session.paint();
  loader.painted?.(handle);
  if (begin.firstPaint) {
    // The stored switches, and their changes, after the frame: the storage API's first use (1–2 ms, profiled)
    // need not lengthen the first frame's task.
    await yieldToMain();
    listen();
    const v = await stored();
    if (!switched && JSON.stringify(v) !== JSON.stringify(session.visibility)) session.setVisibility(v);
  }
  if (begin.notes) session.setNotes(begin.notes);
  else await session.loadNotes();
  timings.stop("notesLoadedMs");
  if (session.noteCount) {
    await session.reanchor();
    timings.afterFrame("notesPaintedMs");
  }
  return handle;
}
