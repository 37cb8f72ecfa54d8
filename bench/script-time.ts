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
  const main = mainThreadSpans(events, url);
  if (!main) return Number.NaN;
  const spans = main.filter((e) => SCRIPT_EVENTS.has(e.name));
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of spans) {
    const stop = e.ts + e.dur;
    if (e.ts >= end) total += e.dur;
    else if (stop > end) total += stop - end;
    end = Math.max(end, stop);
  }
  return total / 1000;
}

/** The complete events (with a duration) on the main thread of the page that loaded `url` (the thread that parsed
 *  its HTML, found by its address, else by its host: a redirect may rewrite it), by start; null if never parsed. */
function mainThreadSpans(events: TraceEvent[], url: string): (TraceEvent & { dur: number })[] | null {
  const host = new URL(url).host;
  const parses = events.filter((e) => e.name === "ParseHTML" && e.args?.beginData?.url);
  const parse =
    parses.find((e) => e.args?.beginData?.url === url) ??
    parses.find((e) => new URL(e.args?.beginData?.url as string).host === host);
  if (!parse) return null;
  return events
    .filter(
      (e): e is TraceEvent & { dur: number } =>
        e.pid === parse.pid && e.tid === parse.tid && e.ph === "X" && e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * Where the main thread's time went in a page load: each trace event's self time (its duration less the events
 * nested in it), summed by name, in ms; null when the page was never parsed. What a build adds to a load
 * (bench/trace-breakdown.ts) shows here by kind: compilation, script, style, layout.
 */
export function selfTimes(events: TraceEvent[], url: string): Map<string, number> | null {
  const spans = mainThreadSpans(events, url);
  if (!spans) return null;
  const out = new Map<string, number>();
  const open: { name: string; end: number; self: number }[] = [];
  const closeUntil = (ts: number) => {
    for (let top = open.at(-1); top && top.end <= ts; top = open.at(-1)) {
      open.pop();
      out.set(top.name, (out.get(top.name) ?? 0) + top.self / 1000);
    }
  };
  for (const e of spans) {
    closeUntil(e.ts);
    const parent = open.at(-1);
    // Nested: its time is not its parent's own (an event that outlasts its parent is cut at the parent's end).
    if (parent) parent.self -= Math.min(e.dur, parent.end - e.ts);
    open.push({ name: e.name, end: e.ts + e.dur, self: e.dur });
  }
  closeUntil(Number.POSITIVE_INFINITY);
  return out;
}
