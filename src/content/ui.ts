// The in-page UI: one closed shadow root holding the card, the sidebar launcher, the sidebar's frame and the note
// marks. Page CSS and scripts cannot reach into it, its CSS cannot leak out, and key presses inside it do not bubble
// to the page's shortcuts.
// Cards are built with textContent only: no dataset text is ever parsed as HTML.
import type { SidebarIntent } from "../messages";
import { type CardView, type LinkView, type PassageView, RELATION_LABEL } from "../views";
import { api } from "./api";
import { MarkLayer } from "./marks";
import { trusted } from "./trusted";

const SIDEBAR_WIDTH = 380;

// The host's own style, inline and !important: page CSS (`html > div { display: none }`) cannot hide or move it.
// No z-index: the host makes no stacking context, so the note marks blend with the page's text under them (the
// card, launcher and sidebar have z-indexes of their own).
const HOST_STYLE =
  "all: initial !important; display: block !important; position: absolute !important; top: 0 !important; " +
  "left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;";

// Sizes here are in px on purpose: this UI lives inside someone else's page, where rem follows the page's own
// root font size (a site may set 10px or 20px), so px is the only size the page cannot change; browser zoom still
// scales it. The extension's own pages (ui.css) use rem/em and follow the browser's font size. Colours follow
// prefers-color-scheme like ui.css; the launcher and the note button keep one palette that contrasts in both.
const STYLES = `
:host { all: initial; }
.card {
  position: absolute; z-index: 2147483646; box-sizing: border-box; width: min(26rem, calc(100vw - 16px));
  max-height: min(60vh, 32rem); overflow: auto; padding: 12px 14px; border-radius: 10px;
  background: #fff; color: #1b1f24; border: 1px solid #d0d7de; box-shadow: 0 8px 28px rgba(0,0,0,.22);
  font: 14px/1.45 system-ui, sans-serif; text-align: left;
}
.card:focus { outline: 2px solid #0b57d0; outline-offset: 2px; }
.card h2 { font-size: 15px; margin: 0 24px 2px 0; }
.card .meta { color: #57606a; font-size: 12.5px; margin: 0 0 8px; }
.card .badges { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; padding: 0; list-style: none; }
.card .badge { font-size: 11.5px; padding: 1px 7px; border-radius: 999px; background: #eef1f4; }
.badge.named { background: rgba(56,132,255,.22); } .badge.anonymous { background: rgba(255,166,0,.35); }
.badge.secondhand { background: rgba(190,80,255,.22); } .badge.crossref { background: rgba(0,150,110,.18); }
.card h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; margin: 12px 0 4px; }
.card blockquote { margin: 4px 0 8px; padding: 4px 8px; border-left: 3px solid #d0d7de; }
.card .statement { font-weight: 600; margin: 4px 0; }
.card .source { display: block; color: #57606a; font-size: 12px; margin-top: 2px; }
.card a, .card button.link { color: #0b57d0; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; text-decoration: underline; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; cursor: pointer; color: #57606a; }
.launcher {
  position: fixed; z-index: 2147483645; right: 0; top: 40%; writing-mode: vertical-rl; padding: 10px 6px;
  border: 0; border-radius: 8px 0 0 8px; background: #0b57d0; color: #fff; font: 600 13px system-ui, sans-serif; cursor: pointer;
}
.launcher:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.note-button {
  position: absolute; z-index: 2147483646; padding: 3px 10px; border-radius: 6px; border: 1px solid #a86b00;
  background: #ffdd00; color: #1b1f24; font: 600 13px system-ui, sans-serif; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.2);
}
.sidebar {
  position: fixed; z-index: 2147483647; top: 0; right: 0; width: ${SIDEBAR_WIDTH}px; height: 100vh; border: 0;
  border-left: 1px solid #d0d7de; background: #fff; box-shadow: -4px 0 16px rgba(0,0,0,.12);
}
@media (prefers-color-scheme: dark) {
  .card { background: #1d2125; color: #e6edf3; border-color: #3d444d; }
  .card .meta, .card h3, .card .source, .card .close { color: #9da7b3; }
  .card .badge { background: #2d333b; }
  .card a, .card button.link { color: #8ab4f8; }
}
`;

type Revealer = (targetId: string) => void;
interface Actions {
  reveal: Revealer;
  /** Start a note on this highlight's passage. */
  addNote: (targetId: string) => void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string | null)[]
) {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

export class PageUi {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private card: HTMLElement | null = null;
  private cardFor: string | null = null;
  private returnFocus: Element | null = null;
  private frame: HTMLIFrameElement | null = null;
  private launcher: HTMLButtonElement | null = null;
  private shift: HTMLStyleElement | null = null;
  private noteButton: HTMLButtonElement | null = null;

  /** The reader's note marks, drawn in our closed root (see marks.ts). */
  readonly marks: MarkLayer;

  constructor(private readonly actions: Actions) {
    // A built-in element (a page that defines a custom element of any name first cannot take it over) with a
    // closed shadow root: the page cannot reach the card, the note marks, the sidebar frame or its address.
    this.host = document.createElement("div");
    this.host.setAttribute("data-sa-ignore", "");
    this.host.style.cssText = HOST_STYLE;
    this.root = this.host.attachShadow({ mode: "closed" });
    this.root.append(el("style", { textContent: STYLES }));
    this.marks = new MarkLayer(this.root);
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
    new MutationObserver(restore).observe(document.documentElement, { childList: true });
    new MutationObserver(restore).observe(this.host, { attributes: true, attributeFilter: ["style"] });
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
      frame: this.frame !== null,
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
    return this.frame !== null;
  }

  /**
   * Open (with `intent`: on a note draft or a note), close, or toggle the sidebar. Its address carries only a
   * one-time nonce, registered with the background first, that the frame presents to prove we opened it; what it
   * should show goes with the nonce, through the background, never through the address.
   */
  toggleSidebar(open = !this.frame, intent?: SidebarIntent): void {
    // A new request for an open sidebar opens a new one on it (a frame of ours never navigates: see below).
    if (open && this.frame && intent) this.toggleSidebar(false);
    if (open && !this.frame) {
      const nonce = crypto.randomUUID();
      const frame = el("iframe", { className: "sidebar", title: "Sources sidebar" });
      this.frame = frame;
      let loads = -1; // counted from the moment its address is set (an empty frame loads about:blank first)
      // Our sidebar never navigates itself: a second load is the page (or anyone) replacing it. Close it at once.
      frame.addEventListener("load", () => {
        if (loads >= 0 && ++loads > 1 && this.frame === frame) this.toggleSidebar(false);
      });
      void api.runtime
        .sendMessage({ type: "sidebar-open", nonce, ...(intent ? { intent } : {}) })
        .then(() => {
          if (this.frame !== frame) return;
          loads = 0;
          frame.src = api.runtime.getURL(`sidebar.html#${nonce}`);
        });
      this.root.append(frame);
      // Dock beside the article: the page makes room instead of being covered.
      this.shift = el("style", { textContent: `html { margin-right: ${SIDEBAR_WIDTH}px !important; }` });
      this.shift.setAttribute("data-sa-ignore", "");
      document.head?.append(this.shift);
      this.launcher?.setAttribute("hidden", "");
      this.frame.focus();
    } else if (!open && this.frame) {
      this.frame.remove();
      this.shift?.remove();
      this.frame = null;
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
      Math.min(first.left, window.innerWidth - card.offsetWidth - 8 - (this.frame ? SIDEBAR_WIDTH : 0)),
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
    this.host.remove();
  }
}

const KIND_LABEL = {
  named: "Named source",
  anonymous: "Anonymous source",
  secondhand: "Second-hand",
  crossref: "Cross-reference",
  note: "Your note",
};
/** Knowledge from outside the articles, never mixed with what they say. */
function externalNote(x: { text: string; source: string }): HTMLElement {
  return el("p", {
    className: "meta external",
    textContent: `Not in these articles — ${x.text} (source: ${x.source})`,
  });
}

function passageBlock(p: PassageView, reveal: Revealer, articleId: string): HTMLElement {
  const source = el("span", {
    className: "source",
    textContent: `${p.speaker ? `${p.speaker} — ` : ""}${p.publisher}, ${p.dateLabel}`,
  });
  if (p.dateBasis) source.title = p.dateBasis;
  const block = el("blockquote", {}, p.text, source);
  if (p.articleId === articleId && p.targetId) {
    const b = el("button", { className: "link", type: "button", textContent: "Show in this article" });
    b.addEventListener(
      "click",
      trusted(() => reveal(p.targetId as string)),
    );
    source.append(" · ", b);
  } else if (p.href) {
    const a = el("a", {
      href: p.href,
      target: "_blank",
      rel: "noopener noreferrer",
      textContent: "Read it in the article",
    });
    source.append(" · ", a);
  }
  return block;
}

function linkSection(l: LinkView, reveal: Revealer, articleId: string): HTMLElement[] {
  const out: HTMLElement[] = [el("h3", { textContent: RELATION_LABEL[l.kind] })];
  out.push(el("p", { className: "statement", textContent: l.statement }));
  // The words of the text that say so, quoted, so the reader can judge the relation.
  for (const e of l.evidence) out.push(el("p", { className: "meta", textContent: `The text: “${e}”` }));
  for (const o of l.others.slice(0, 6)) out.push(passageBlock(o, reveal, articleId));
  if (l.others.length > 6)
    out.push(
      el("p", {
        className: "meta",
        textContent: `and ${l.others.length - 6} more passages (listed in the sidebar)`,
      }),
    );
  return out;
}

export function renderCard(v: CardView, actions: Actions, close: () => void): HTMLElement {
  const { reveal } = actions;
  const card = el("section", { className: "card", tabIndex: -1 });
  card.setAttribute("role", "dialog");
  card.setAttribute("data-target-id", v.targetId);
  const closeButton = el("button", { className: "close", type: "button", textContent: "×" });
  closeButton.setAttribute("aria-label", "Close");
  closeButton.addEventListener("click", trusted(close));
  card.append(closeButton);
  const articleId = v.passage.articleId;
  const badges = el("ul", { className: "badges" });
  const a = v.attribution;
  if (!a) badges.append(el("li", { className: `badge ${v.kind}`, textContent: KIND_LABEL[v.kind] }));
  // Found on this device (an analysed page, issue 18): said so, with the cue; an abstention reads "speaker unclear".
  const found = (v as CardView & { found?: string }).found;
  if (a) {
    const speaker = a.speaker;
    const title = speaker?.name ?? (found ? "Speaker unclear" : "Speaker not identified");
    card.append(el("h2", { textContent: title }));
    card.setAttribute("aria-label", `Source: ${title}`);
    const meta = [
      speaker?.role,
      speaker && speaker.asWritten !== speaker.name ? `written “${speaker.asWritten}”` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    if (meta) card.append(el("p", { className: "meta", textContent: meta }));
    if (speaker || !found)
      badges.append(
        el("li", {
          className: `badge ${speaker?.anonymous ? "anonymous" : "named"}`,
          textContent: speaker?.anonymous ? "Anonymous source" : "Named source",
        }),
      );
    badges.append(
      el("li", {
        className: "badge",
        textContent: a.type === "direct" ? "Direct quotation" : "Reported statement",
      }),
    );
    if (a.via) badges.append(el("li", { className: "badge secondhand", textContent: `Via ${a.via}` }));
    if (a.date) badges.append(el("li", { className: "badge", textContent: a.date }));
    card.append(badges);
    if (found) card.append(el("p", { className: "meta found", textContent: found }));
    if (speaker?.description) card.append(el("p", { className: "meta", textContent: speaker.description }));
    if (speaker?.external) card.append(externalNote(speaker.external));
  } else if (v.entity) {
    const e = v.entity;
    card.append(el("h2", { textContent: e.name }));
    card.setAttribute("aria-label", `${e.kind}: ${e.name}`);
    badges.append(el("li", { className: "badge", textContent: e.kind }));
    card.append(badges);
    if (found) card.append(el("p", { className: "meta found", textContent: found }));
    if (e.aliases.length)
      card.append(el("p", { className: "meta", textContent: `Also written: ${e.aliases.join(", ")}` }));
    if (e.description) card.append(el("p", { className: "meta", textContent: e.description }));
    if (e.external) card.append(externalNote(e.external));
    if (e.elsewhere.length) {
      card.append(el("h3", { textContent: "Elsewhere" }));
      for (const p of e.elsewhere) card.append(passageBlock(p, reveal, articleId));
    }
  } else {
    card.append(el("h2", { textContent: v.title ?? "Cross-reference" }));
    card.setAttribute("aria-label", "Cross-reference");
    card.append(badges);
  }
  if (v.sameSpeaker.length) {
    card.append(el("h3", { textContent: "The same speaker in the other articles" }));
    for (const p of v.sameSpeaker) card.append(passageBlock(p, reveal, articleId));
  }
  for (const l of v.links) card.append(...linkSection(l, reveal, articleId));
  const add = el("button", {
    className: "link add-note",
    type: "button",
    textContent: "Add a note on this passage",
  });
  add.addEventListener(
    "click",
    trusted(() => actions.addNote(v.targetId)),
  );
  card.append(el("p", {}, add));
  return card;
}
