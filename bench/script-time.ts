// Script time of a page load read from a Chrome trace (bench/page-metrics.ts traces each load of the cost rows).

export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { beginData?: { url?: string } };
};

/** Trace events that are script: evaluating or compiling a script, a callback, a microtask checkpoint. */
const SCRIPT_EVENTS = new Set(["EvaluateScript", "v8.compile", "FunctionCall", "RunMicrotasks"]);

/**
 * Script time (ms) on the main thread of the page that loaded `url`: the outermost script events of the trace
 * (nested ones are inside them), whatever script they run — the page's own and every content script's. CDP's
 * ScriptDuration, which the benchmarks read before, leaves out promise continuations: 5 ms of work after an
 * `await` or a `scheduler.yield()` came out as 0.2–0.5 ms, the same work in a frame's callback as 5.3
 * (docs/decisions/0029-script-time-traced.md) — and content.js does most of its work after an `await`.
 */
export function scriptTime(events: TraceEvent[], url: string): number {
  const host = new URL(url).host;
  const parses = events.filter((e) => e.name === "ParseHTML" && e.args?.beginData?.url);
  const parse =
    parses.find((e) => e.args?.beginData?.url === url) ??
    parses.find((e) => new URL(e.args?.beginData?.url as string).host === host);
  if (!parse) return Number.NaN;
  const spans = events
    .filter(
      (e) =>
        e.pid === parse.pid &&
        e.tid === parse.tid &&
        e.ph === "X" &&
        e.dur !== undefined &&
        SCRIPT_EVENTS.has(e.name),
    )
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of spans) {
    const stop = e.ts + (e.dur as number);
    if (e.ts >= end) total += e.dur as number;
    else if (stop > end) total += stop - end;
    end = Math.max(end, stop);
  }
  return total / 1000;
}
