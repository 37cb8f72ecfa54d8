// The reader's text selection as the start of a note: the ✎ Note button beside a selection, and the passage a
// note draft is made of. Plain calls, no DOM events: trusted.ts turns the reader's own events into these calls.
import { describeRange } from "../anchoring/dom";
import type { NoteDraft } from "../model/protocol";

export interface SelectionDeps {
  doc: Document;
  articleId: string;
  /** Whether a node is inside our own UI (a selection there is not a passage of the article). */
  insideOwnUi(node: Node): boolean;
  /** Show the ✎ Note button beside `rect`. */
  showNoteButton(rect: DOMRect | null, onClick: () => void): void;
  hideNoteButton(): void;
  /** Hand a draft to the background (which opens the sidebar's editor on it). */
  sendDraft(draft: NoteDraft): Promise<unknown>;
}

export class SelectionLogic {
  constructor(private readonly deps: SelectionDeps) {}

  /** The selected range, if any text is selected. */
  private range(): Range | null {
    const sel = this.deps.doc.getSelection();
    return sel && !sel.isCollapsed && sel.rangeCount ? sel.getRangeAt(0) : null;
  }

  /** A note draft of `range` (by default the reader's selection), or null when it is not article text. */
  draft(attachedTo?: string, range?: Range): NoteDraft | null {
    const { doc } = this.deps;
    const r = range ?? this.range();
    if (
      !r ||
      !doc.body?.contains(r.commonAncestorContainer) ||
      this.deps.insideOwnUi(r.commonAncestorContainer)
    )
      return null;
    const target = describeRange(doc.body, r);
    if (!target.exact.trim()) return null;
    return {
      articleId: this.deps.articleId,
      url: doc.location?.href ?? "",
      target,
      ...(attachedTo ? { attachedTo } : {}),
    };
  }

  /** Start a note: on a highlight's passage (attached to its target) or, without one, on the selection. */
  async noteOn(highlight?: { targetId: string; range: Range }): Promise<void> {
    const d = this.draft(highlight?.targetId, highlight?.range);
    if (d) await this.deps.sendDraft(d);
  }

  /** Show the Note button at the end of the selection, or hide it when there is nothing to note. */
  update(): void {
    const range = this.range();
    if (!range || !this.draft()) {
      this.deps.hideNoteButton();
      return;
    }
    const rects = range.getClientRects();
    this.deps.showNoteButton(rects[rects.length - 1] ?? null, () => {
      void this.noteOn();
      this.deps.hideNoteButton();
    });
  }

  /** A mouse button was released. Not in our own UI: the Note button's own click would show it again. */
  released(overOwnUi: boolean): void {
    if (!overOwnUi) setTimeout(() => this.update(), 0);
  }

  /** A key was released: with Shift, the selection may have been extended. */
  keyReleased(shift: boolean): void {
    if (shift) this.update();
  }

  /** The selection changed: once it is gone, so is the button. */
  changed(): void {
    if (this.deps.doc.getSelection()?.isCollapsed) this.deps.hideNoteButton();
  }
}
