// Work that can be cut into slices: a generator that pauses (yields nothing) between units of work and returns its
// result. The cores stay free of any scheduler: whoever runs the steps decides when to stop and give the thread
// back (the content script does, see src/content/slices.ts); finish() runs them all at once.

export type Steps<T> = Generator<undefined, T, undefined>;

/** Run every step now and return the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
