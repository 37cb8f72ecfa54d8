// The one gate every handler of the in-page UI goes through: only the reader's own input (events the browser
// made from a real mouse or keyboard) acts. A page can select text, dispatch mouseup, click and key events at our
// elements or the document, and none of that drives the extension. Below this adapter the logic takes plain
// calls (pointer.ts, selection.ts), which is what the unit tests drive.
import type { PointerLogic } from "./pointer";
import type { SelectionLogic } from "./selection";

export function trusted<E extends Event>(handler: (e: E) => unknown): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}

export interface ReaderInput {
  pointer: PointerLogic;
  selection: SelectionLogic;
  /** Whether an event's target is our own UI (its host: the closed root retargets everything inside to it). */
  ownUi(target: EventTarget | null): boolean;
}

/** Turn the reader's pointer, click, mouse-up and key-up events on `doc` into calls; until `signal` aborts. */
export function listenToReader(doc: Document, input: ReaderInput, signal: AbortSignal): void {
  const { pointer, selection, ownUi } = input;
  doc.addEventListener(
    "pointermove",
    trusted((e: PointerEvent) =>
      pointer.move({ x: e.clientX, y: e.clientY, buttons: e.buttons, overOwnUi: ownUi(e.target) }),
    ),
    { passive: true, signal },
  );
  doc.addEventListener(
    "click",
    trusted((e: MouseEvent) => pointer.click({ x: e.clientX, y: e.clientY, overOwnUi: ownUi(e.target) })),
    { signal },
  );
  doc.addEventListener(
    "mouseup",
    trusted((e: MouseEvent) => selection.released(ownUi(e.target))),
    { signal },
  );
  doc.addEventListener(
    "keyup",
    trusted((e: KeyboardEvent) => selection.keyReleased(e.shiftKey)),
    { signal },
  );
  // Hiding the button when the selection is gone needs no trust: a page can only make it disappear.
  doc.addEventListener("selectionchange", () => selection.changed(), { signal });
}

/** `f`, in a task of its own, after the reader's first input on the page: a pointer move or press, a key, the
 *  wheel, a touch (trusted events only: a page cannot make us build our UI). */
export function afterFirstInput(win: Window, f: () => void, signal: AbortSignal): void {
  const first = new AbortController();
  const once = trusted(() => {
    first.abort();
    setTimeout(f);
  });
  for (const type of ["pointermove", "pointerdown", "keydown", "wheel", "touchstart"])
    win.addEventListener(type, once, {
      capture: true,
      passive: true,
      signal: AbortSignal.any([signal, first.signal]),
    });
}
