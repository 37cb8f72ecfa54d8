// The sidebar's frame in our closed shadow root, docked beside the article. Its address carries only a one-time
// nonce, registered with the background first, that the frame presents to prove we opened it; what it should show
// goes with the nonce, through the background, never through the address (see docs/decisions/0003).
import type { SidebarIntent } from "../model/protocol";
import { api } from "./api";
import { callBackground } from "./call";
import { el } from "./element";
import { SIDEBAR_WIDTH } from "./page-ui-styles";

export class SidebarFrame {
  private frame: HTMLIFrameElement | null = null;
  private shift: HTMLStyleElement | null = null;

  constructor(
    private readonly root: ShadowRoot,
    /** The frame was navigated by someone else and closed: the owner updates what it shows. */
    private readonly replaced: () => void,
  ) {}

  get isOpen(): boolean {
    return this.frame !== null;
  }

  open(intent?: SidebarIntent): void {
    if (this.frame) return;
    const nonce = crypto.randomUUID();
    const frame = el("iframe", { className: "sidebar", title: "Sources sidebar" });
    this.frame = frame;
    let loads = -1; // counted from the moment its address is set (an empty frame loads about:blank first)
    // Our sidebar never navigates itself: a second load is the page (or anyone) replacing it. Close it at once.
    frame.addEventListener("load", () => {
      if (loads >= 0 && ++loads > 1 && this.frame === frame) this.replaced();
    });
    void callBackground({ type: "sidebar-open", nonce, ...(intent ? { intent } : {}) }).then(() => {
      if (this.frame !== frame) return;
      loads = 0;
      frame.src = api.runtime.getURL(`sidebar.html#${nonce}`);
    });
    this.root.append(frame);
    // Dock beside the article: the page makes room instead of being covered.
    this.shift = el("style", { textContent: `html { margin-right: ${SIDEBAR_WIDTH}px !important; }` });
    this.shift.setAttribute("data-sa-ignore", "");
    document.head?.append(this.shift);
    frame.focus();
  }

  close(): void {
    this.frame?.remove();
    this.shift?.remove();
    this.frame = null;
    this.shift = null;
  }
}
