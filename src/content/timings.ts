// The benchmark's timings: one switch, compiled in by build.mjs for the end-to-end and benchmark builds (the
// status reply then carries them); in the product build every call here does nothing.
import type { Status } from "../model/protocol";

export type TimingsRecord = NonNullable<Status["timings"]>;
type Field = Exclude<keyof TimingsRecord, "startedAt">;

declare const __TIMINGS__: boolean;
const compiledIn = typeof __TIMINGS__ !== "undefined" && __TIMINGS__;

export class Timings {
  /** What the status reply carries, or undefined when the switch is off. */
  readonly record: TimingsRecord | undefined;

  constructor(
    /** performance.now() when the content script started: the other fields count from it. */
    readonly started: number,
    on = compiledIn,
  ) {
    this.record = on ? { startedAt: started } : undefined;
  }

  /** The time from `since` (by default the script's start) to now. */
  stop(field: Field, since = this.started): void {
    if (this.record) this.record[field] = performance.now() - since;
  }

  /** A duration measured by the caller. */
  set(field: Field, ms: number): void {
    if (this.record) this.record[field] = ms;
  }

  /** One stretch of the extension's own work on the main thread, timed by the caller: the longest is kept. */
  task(ms: number): void {
    if (this.record) this.record.longestTaskMs = Math.max(this.record.longestTaskMs ?? 0, ms);
  }

  /** The time from `since` to the next frame (what the reader sees). */
  afterFrame(field: Field, since = this.started): void {
    if (this.record) requestAnimationFrame(() => this.stop(field, since));
  }
}
