// Long work on the page's main thread cut into slices (docs/decisions/0011-long-tasks.md): the anchoring of many
// targets or notes, the notes' boxes. Steps (src/anchoring/steps.ts) run until a slice's budget is spent; then the
// thread goes back to the page (scheduler.yield where the browser has it, else a message-channel task) and the
// next slice runs, unless the work was cancelled meanwhile (the session ended, or a newer pass replaced it). The
// first slice runs at once, in the caller's task: work that fits in it (a known article's anchoring) finishes
// synchronously, exactly as without slicing, so its overlays are still painted in the same frame.
import type { Steps } from "../anchoring/steps";

/** The first slice, in the caller's task, counted from the start of that task's work (the recognition's when it
 *  shares the task): a known article's anchoring, cold, fits; with the paint after it the task stays well under
 *  50 ms (decision 0035). */
export const FIRST_SLICE_MS = 30;
/** Every later slice: well under the 50 ms of a long task, with room for the unit of work that passes it. */
export const SLICE_MS = 15;

/** Work given up: its session ended or a newer pass took its place. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

let yields = 0;

/** How many times the thread was given back through yieldToMain: the benchmark's timings tell a task boundary by
 *  it where the continuation comes before anything they could post (scheduler.yield's, in Chromium). */
export const yieldCount = (): number => yields;

/** Give the main thread back to the page for a moment: the continuation comes in a task of its own. */
export function yieldToMain(): Promise<void> {
  yields++;
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === "function") return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  firstBudgetMs?: number;
  /** When the first slice's budget began to count (`now()` by default): work done before it in the same task
   *  counts against it. */
  since?: number;
  budgetMs?: number;
  /** Checked before each slice after the first: true stops the work (the result rejects with Cancelled). */
  cancelled?: () => boolean;
  /** Told each slice's length (the benchmark's timings keep the longest). */
  onSlice?: (ms: number) => void;
  /** How the thread is given back (tests pass their own). */
  pause?: () => Promise<void>;
  now?: () => number;
}

/** The result at once when the work fit in the first slice, else a promise of it. */
export type Sliced<T> = { sync: true; value: T } | { sync: false; value: Promise<T> };

/** Run `steps` in slices of at most about `budgetMs` each; the first one now. */
export function runSliced<T>(steps: Steps<T>, o: SliceOptions = {}): Sliced<T> {
  const now = o.now ?? (() => performance.now());
  const slice = (budget: number, since?: number): IteratorResult<undefined, T> => {
    const t0 = now();
    const end = (since ?? t0) + budget;
    let r: IteratorResult<undefined, T>;
    do r = steps.next();
    while (!r.done && now() < end);
    o.onSlice?.(now() - t0);
    return r;
  };
  const first = slice(o.firstBudgetMs ?? FIRST_SLICE_MS, o.since);
  if (first.done) return { sync: true, value: first.value };
  const rest = async (): Promise<T> => {
    for (;;) {
      await (o.pause ?? yieldToMain)();
      if (o.cancelled?.()) {
        steps.return(undefined as T);
        throw new Cancelled();
      }
      const r = slice(o.budgetMs ?? SLICE_MS);
      if (r.done) return r.value;
    }
  };
  return { sync: false, value: rest() };
}
