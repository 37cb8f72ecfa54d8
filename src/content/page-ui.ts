// The in-page UI: one closed shadow root holding the card, the sidebar launcher, the sidebar's frame and the note
// marks. Page CSS and scripts cannot reach into it, its CSS cannot leak out, and key presses inside it do not bubble
// to the page's shortcuts. Its styles are in page-ui-styles.ts, the card's content in card.ts, the sidebar's frame
// in sidebar-frame.ts.
import type { SidebarIntent } from "../model/protocol";
import type { CardView } from "../model/views";
import { type CardActions, renderCard } from "./card";
import { el } from "./element";
import { MarkLayer } from "./marks";
import { HOST_STYLE, PAGE_UI_STYLES, SIDEBAR_WIDTH } from "./page-ui-styles";
import { SidebarFrame } from "./sidebar-frame";
import { trusted } from "./trusted";

export class PageUi {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private card: HTMLElement | null = null;
  private cardFor: string | null = null;
  private returnFocus: Element | null = null;
  private launcher: HTMLButtonElement | null = null;
  private readonly sidebar: SidebarFrame;
  /** Puts our host back when the page removes or restyles it (until destroy). */
  private readonly guard: MutationObserver;
  private noteButton: HTMLButtonElement | null = null;

  /** The reader's note marks, drawn in our closed root (see marks.ts). */
  readonly marks: MarkLayer;

  constructor(private readonly actions: CardActions) {
    // A built-in element (a page that defines a custom element of any name first cannot take it over) with a
    // closed shadow root: the page cannot reach the card, the note marks, the sidebar frame or its address.
    this.host = document.createElement("div");
    this.host.setAttribute("data-sa-ignore", "");
    this.host.style.cssText = HOST_STYLE;
    this.root = this.host.attachShadow({ mode: "closed" });
    this.root.append(el("style", { textContent: PAGE_UI_STYLES }));
    this.marks = new MarkLayer(this.root);
    this.sidebar = new SidebarFrame(this.root, () => this.toggleSidebar(false));
    // Keys typed in our UI stop here, before the page's own document-level shortcuts see them.
    for (const type of ["keydown", "keyup", "keypress"])
      this.host.addEventListener(type, (e) => {
        e.stopPropagation(); // whoever sent it, a key in our UI stops here
        trusted((k: KeyboardEvent) => this.onKey(k))(e as KeyboardEvent);
      });
    document.documentElement.append(this.host);
    // A page that removes our host or restyles it gets it back as it was.
    const style = this.host.style.cssText; // as the browser writes it back
    const restore = () => {
      if (this.host.style.cssText !== style) this.host.style.cssText = HOST_STYLE;
      if (this.host.parentNode !== document.documentElement) document.documentElement.append(this.host);
    };
    this.guard = new MutationObserver(restore);
    this.guard.observe(document.documentElement, { childList: true });
    this.guard.observe(this.host, { attributes: true, attributeFilter: ["style"] });
  }

  /**
   * For the end-to-end tests' driver, in their builds only (the root is closed to every page script, theirs
   * included): the boxes of the first of our elements matching `selector` (one per line of an inline element,
   * scrolled into view in the box it is in; a frame's box is its content box) ...
   */
  boxesOf(selector: string, withText?: string): { x: number; y: number; width: number; height: number }[] {
    const e = [...this.root.querySelectorAll(selector)].find(
      (x) => !withText || x.textContent?.includes(withText),
    );
    if (!e) return [];
    e.scrollIntoView({ block: "nearest", behavior: "instant" as ScrollBehavior });
    const inset = e instanceof HTMLIFrameElement ? { x: e.clientLeft, y: e.clientTop } : { x: 0, y: 0 };
    return [...e.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left + inset.x, y: r.top + inset.y, width: r.width, height: r.height }));
  }

  /** ... and what they read of our UI: the open card, the frame, the Note button and whether it is on top. */
  snapshot() {
    const b = this.noteButton;
    let onTop = false;
    if (b) {
      const r = b.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      onTop = document.elementFromPoint(x, y) === this.host && this.root.elementFromPoint(x, y) === b;
    }
    return {
      html: this.root.innerHTML,
      card: this.card
        ? {
            targetId: this.cardFor ?? "",
            text: this.card.textContent ?? "",
            focused: this.root.activeElement === this.card,
          }
        : null,
      cards: this.root.querySelectorAll(".card").length,
      frame: this.sidebar.isOpen,
      marks: this.marks.drawn().map((m) => m.text),
      markColours: this.marks.drawn().map((m) => m.colour),
      noteButton: { shown: b !== null, onTop },
      links: [...this.root.querySelectorAll<HTMLAnchorElement>(".card a")].map((a) => ({
        text: a.textContent ?? "",
        href: a.href,
      })),
    };
  }

  private onKey(e: KeyboardEvent): void {
    if (e.type === "keydown" && e.key === "Escape") this.closeCard(true);
  }

  /** True when a point is over our own UI (the card), so hover logic keeps the card open. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  get openCardFor(): string | null {
    return this.cardFor;
  }

  showLauncher(show: boolean): void {
    if (show && !this.launcher) {
      this.launcher = el("button", { className: "launcher", type: "button", textContent: "Sources" });
      this.launcher.setAttribute("aria-label", "Open the sources sidebar");
      this.launcher.addEventListener(
        "click",
        trusted(() => this.toggleSidebar(true)),
      );
      this.root.append(this.launcher);
    } else if (!show && this.launcher) {
      this.launcher.remove();
      this.launcher = null;
    }
  }

  get sidebarOpen(): boolean {
    return this.sidebar.isOpen;
  }

  /** Open (with `intent`: on a note draft or a note), close, or toggle the sidebar (see sidebar-frame.ts). */
  toggleSidebar(open = !this.sidebar.isOpen, intent?: SidebarIntent): void {
    // A new request for an open sidebar opens a new one on it (a frame of ours never navigates).
    if (open && this.sidebar.isOpen && intent) this.toggleSidebar(false);
    if (open && !this.sidebar.isOpen) {
      this.sidebar.open(intent);
      this.launcher?.setAttribute("hidden", "");
    } else if (!open && this.sidebar.isOpen) {
      this.sidebar.close();
      this.launcher?.removeAttribute("hidden");
      this.launcher?.focus();
    }
  }

  /** Show a card for a highlight, beside (never over) the text it describes. */
  showCard(view: CardView, rects: DOMRectList | DOMRect[], opts: { focus: boolean }): void {
    if (this.cardFor === view.targetId && this.card) {
      if (opts.focus) this.focusCard();
      return;
    }
    this.card?.remove();
    const card = renderCard(view, this.actions, () => this.closeCard(true));
    this.card = card;
    this.cardFor = view.targetId;
    this.root.append(card);
    this.place(card, [...rects]);
    if (opts.focus) this.focusCard();
  }

  private focusCard(): void {
    if (!this.card) return;
    // Focus comes back to where it was: a page element, or our own sidebar frame.
    const active = document.activeElement === this.host ? this.root.activeElement : document.activeElement;
    if (active && active !== this.card && !this.card.contains(active)) this.returnFocus = active;
    this.card.focus();
  }

  closeCard(restoreFocus = false): void {
    if (!this.card) return;
    this.card.remove();
    this.card = null;
    this.cardFor = null;
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private place(card: HTMLElement, rects: DOMRect[]): void {
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return;
    const height = card.offsetHeight;
    const below = last.bottom + 8;
    const top =
      below + height < window.innerHeight || first.top - height - 8 < 0 ? below : first.top - height - 8;
    const left = Math.max(
      8,
      Math.min(
        first.left,
        window.innerWidth - card.offsetWidth - 8 - (this.sidebar.isOpen ? SIDEBAR_WIDTH : 0),
      ),
    );
    card.style.top = `${top + window.scrollY}px`;
    card.style.left = `${left + window.scrollX}px`;
  }

  /** The small "Note" button beside a selection (null hides it). */
  showNoteButton(rect: DOMRect | null, onClick?: () => void): void {
    this.noteButton?.remove();
    this.noteButton = null;
    if (!rect || !onClick) return;
    const b = el("button", { className: "note-button", type: "button", textContent: "✎ Note" });
    b.setAttribute("aria-label", "Write a note on the selected text");
    b.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
    b.addEventListener("click", trusted(onClick));
    b.style.top = `${rect.bottom + window.scrollY + 6}px`;
    b.style.left = `${Math.min(rect.right + window.scrollX, window.scrollX + window.innerWidth - 90)}px`;
    this.root.append(b);
    this.noteButton = b;
  }

  destroy(): void {
    this.toggleSidebar(false);
    this.guard.disconnect();
    this.marks.dispose();
    this.host.remove();
  }
}
