// Hover and click on the highlights: hover intent (a card opens after the pointer rests), a card pinned by a
// click, and a leave that closes an unpinned card after a grace period. Plain calls, no DOM events: trusted.ts
// turns the reader's own events into these calls, and the unit tests make them directly.
import { type Anchor, sameRef, type TargetRef } from "./targets";

export const HOVER_OPEN_MS = 250;
export const LEAVE_CLOSE_MS = 400;

export interface PointerDeps {
  /** The highlight under a point, or null. */
  hitTest(x: number, y: number): Anchor | null;
  /** The reader has text selected (or is selecting it). */
  selecting(): boolean;
  /** Whether text is selected at all (the end of a selection is not a click on a highlight). */
  hasSelection(): boolean;
  openCard(a: Anchor, focus: boolean): Promise<void>;
  closeCard(): void;
  requestFrame(cb: () => void): number;
  cancelFrame(id: number): void;
}

export interface PointAt {
  x: number;
  y: number;
  /** Mouse buttons held. */
  buttons: number;
  /** Over our own UI (the card, the launcher, the sidebar). */
  overOwnUi: boolean;
}

export class PointerLogic {
  private frame = 0;
  /** The latest move not yet looked at: a frame looks at where the pointer is now, not where it was. */
  private latest: PointAt | null = null;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The card the reader opened with a click: leaving its highlight does not close it. */
  private pinned: TargetRef | null = null;
  private under: TargetRef | null = null;

  constructor(private readonly deps: PointerDeps) {}

  /** The pointer moved; looked at once per frame. */
  move(p: PointAt): void {
    this.latest = p;
    if (this.frame) return;
    this.frame = this.deps.requestFrame(() => {
      this.frame = 0;
      const at = this.latest;
      this.latest = null;
      if (at) this.look(at);
    });
  }

  private look(p: PointAt): void {
    if (p.overOwnUi) {
      clearTimeout(this.closeTimer);
      return;
    }
    // A button held (a drag, a selection being made) or text selected: as if over no highlight.
    const hit = p.buttons || this.deps.selecting() ? null : this.deps.hitTest(p.x, p.y);
    if (sameRef(hit?.ref ?? null, this.under)) return;
    this.under = hit?.ref ?? null;
    this.clearTimers();
    if (hit) {
      // Hover intent: quick passes over several highlights open nothing, and never stack cards.
      this.hoverTimer = setTimeout(() => {
        if (this.deps.selecting()) return;
        void this.deps.openCard(hit, false).then(() => {
          if (!sameRef(this.pinned, hit.ref)) this.pinned = null;
        });
      }, HOVER_OPEN_MS);
    } else if (!this.pinned) {
      this.closeTimer = setTimeout(() => this.deps.closeCard(), LEAVE_CLOSE_MS);
    }
  }

  /** A click: on a highlight it opens (and pins) its card with focus; elsewhere it closes the card. */
  click(p: Omit<PointAt, "buttons">): void {
    if (p.overOwnUi) return;
    const hit = this.deps.hitTest(p.x, p.y);
    if (hit && this.deps.hasSelection()) return; // the end of a selection, not a click on the highlight
    // A click settles it: a hover about to open, a leave about to close, a frame not yet looked at, all came before.
    this.deps.cancelFrame(this.frame);
    this.frame = 0;
    this.latest = null;
    this.clearTimers();
    this.under = hit?.ref ?? null;
    this.pinned = this.under;
    if (hit) void this.deps.openCard(hit, true);
    else this.deps.closeCard();
  }

  dispose(): void {
    this.deps.cancelFrame(this.frame);
    this.frame = 0;
    this.clearTimers();
  }

  private clearTimers(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.closeTimer);
  }
}
