// The benchmark's timings: one switch, compiled in by build.mjs for the end-to-end and benchmark builds (the
// status reply then carries them); in the product build every call here does nothing.
import type { Status } from "../model/protocol";
import { yieldCount } from "./slices";

export type TimingsRecord = NonNullable<Status["timings"]>;
type Field = Exclude<keyof TimingsRecord, "startedAt" | "inFirstFrame" | "firstPaintSwitches" | "stretches">;

declare const __TIMINGS__: boolean;
const compiledIn = typeof __TIMINGS__ !== "undefined" && __TIMINGS__;

const nothing = (): void => undefined;

export class Timings {
  /** What the status reply carries, or undefined when the switch is off. */
  readonly record: TimingsRecord | undefined;

  constructor(
    /** performance.now() when the content script started: the other fields count from it. */
    readonly started: number,
    on = compiledIn,
  ) {
    this.record = on ? { startedAt: started } : undefined;
    if (!compiledIn) return; // the product build (where this code is switched off, not left out) stops here
    // Each frame until one with text in the body was rendered without the overlays (a blank frame before the
    // page's content is no frame to be in). A frame's callback runs before it is rendered, and ours may paint in a
    // later callback of the same frame: a frame counts once the next one comes.
    let text = false;
    // Whether the body holds a text node that is not all white space — what `body.textContent.trim()` tells,
    // without building the whole text, which on a page of megabytes took 20–90 ms a frame (traced). Declared here,
    // after the product build's return, so that build never creates it.
    const hasText = (body: HTMLElement | null) => {
      if (!body) return false;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test((n as Text).data)) return true;
      return false;
    };
    const frame = () => {
      if (this.record?.inFirstFrame !== undefined) return;
      if (text) this.framed = true;
      else {
        text = hasText(document.body);
        requestAnimationFrame(frame);
      }
    };
    if (this.record && typeof requestAnimationFrame === "function") requestAnimationFrame(frame);
  }

  /** A frame with text in the page's body was rendered since the script started. */
  private framed = false;

  /** The switches the first paint reads (a registered name, or none). */
  switches(name: string | undefined): void {
    if (this.record) this.record.firstPaintSwitches = name ?? "defaults";
  }

  /** The overlays are being painted now: whether no frame came before, and the time to the next one. */
  painting(): void {
    if (!this.record) return;
    this.record.inFirstFrame = !this.framed;
    this.afterFrame("paintedMs");
  }

  /** The time from `since` (by default the script's start) to now. */
  stop(field: Field, since = this.started): void {
    if (this.record) this.record[field] = performance.now() - since;
  }

  /** A duration measured by the caller. */
  set(field: Field, ms: number): void {
    if (this.record) this.record[field] = ms;
  }

  /** One stretch of the extension's own work on the main thread, timed by the caller (ending now): the longest is
   *  kept, and each one's place on the page's timeline. */
  task(ms: number): void {
    if (!compiledIn || !this.record) return;
    this.record.longestTaskMs = Math.max(this.record.longestTaskMs ?? 0, ms);
    this.record.stretches ??= [];
    if (this.record.stretches.length < 500) this.record.stretches.push([performance.now() - ms, ms]);
  }

  /** A stretch of work that begins now and should end in this same task: the returned call times it (once), unless
   *  a task boundary came between (the time then was not all ours): a task posted now has run, or our own code gave
   *  the thread back (yieldToMain, whose continuation can run before that task). */
  open(): () => void {
    // Product build: returns here (every page's start then gets the one shared no-op).
    if (!compiledIn || !this.record) return nothing;
    const t0 = performance.now();
    const yielded = yieldCount();
    let crossed = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      crossed = true;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    return () => {
      if (!crossed && yieldCount() === yielded) this.task(performance.now() - t0);
      crossed = true;
    };
  }

  /** The time from `since` to the next frame (what the reader sees). */
  afterFrame(field: Field, since = this.started): void {
    if (this.record) requestAnimationFrame(() => this.stop(field, since));
  }
}
