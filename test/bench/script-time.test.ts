import { describe, expect, it } from "vitest";
import { scriptTime, selfTimes, type TraceEvent } from "../../bench/script-time";

const URL_ = "https://www.nytimes.com/2011/07/04/todayspaper/index.html";
// Times in microseconds, as in a trace; the page's main thread is pid 7 / tid 1 (where its HTML was parsed).
const x = (name: string, ts: number, dur: number, pid = 7, tid = 1): TraceEvent => ({
  name,
  ph: "X",
  pid,
  tid,
  ts,
  dur,
});
const parse: TraceEvent = { ...x("ParseHTML", 0, 3000), args: { beginData: { url: URL_ } } };

describe("script time from a trace", () => {
  it("counts promise continuations (RunMicrotasks) and compilation, not only callbacks", () => {
    const events = [
      parse,
      x("FunctionCall", 10_000, 1000),
      x("RunMicrotasks", 20_000, 5000),
      x("v8.compile", 30_000, 2000),
    ];
    expect(scriptTime(events, URL_)).toBe(8);
  });

  it("counts a nested or overlapping script event once", () => {
    const events = [
      parse,
      x("EvaluateScript", 10_000, 4000),
      x("v8.compile", 10_500, 1000), // inside the evaluation
      x("RunMicrotasks", 13_000, 3000), // overlaps its end: 2 ms more
    ];
    expect(scriptTime(events, URL_)).toBe(6);
  });

  it("leaves out other threads and processes, layout and rendering", () => {
    const events = [
      parse,
      x("FunctionCall", 10_000, 1000),
      x("FunctionCall", 10_000, 9000, 7, 2), // a worker of the page's process
      x("RunMicrotasks", 10_000, 9000, 8, 1), // the extension's service worker, another process
      x("Layout", 12_000, 9000),
    ];
    expect(scriptTime(events, URL_)).toBe(1);
  });

  it("finds the page by its host when its address was rewritten, and is NaN when the page was never parsed", () => {
    const moved = {
      ...parse,
      args: { beginData: { url: "https://www.nytimes.com/2011/07/04/todayspaper/" } },
    };
    expect(scriptTime([moved, x("FunctionCall", 10_000, 1500)], URL_)).toBe(1.5);
    expect(scriptTime([x("FunctionCall", 10_000, 1500)], URL_)).toBeNaN();
  });
});

describe("self time by event from a trace", () => {
  it("gives each event its time less what is nested in it, summed by name", () => {
    const events = [
      parse,
      x("RunTask", 10_000, 10_000),
      x("RunMicrotasks", 11_000, 6000), // in the task
      x("v8.compile", 12_000, 1000), // in the microtasks
      x("UpdateLayoutTree", 18_000, 1500), // in the task, after them
      x("RunTask", 30_000, 2000),
      x("RunMicrotasks", 40_000, 500, 8, 1), // another process: left out
    ];
    const t = selfTimes(events, URL_);
    expect(Object.fromEntries(t ?? [])).toEqual({
      ParseHTML: 3,
      RunTask: 2.5 + 2,
      RunMicrotasks: 5,
      "v8.compile": 1,
      UpdateLayoutTree: 1.5,
    });
    // Nothing counted twice: the self times add up to the outermost events' time.
    expect([...(t?.values() ?? [])].reduce((a, b) => a + b, 0)).toBe(3 + 10 + 2);
  });

  it("counts an event that outlasts its parent once, and is null when the page was never parsed", () => {
    const t = selfTimes([parse, x("EvaluateScript", 10_000, 4000), x("RunMicrotasks", 13_000, 3000)], URL_);
    expect(Object.fromEntries(t ?? [])).toEqual({ ParseHTML: 3, EvaluateScript: 3, RunMicrotasks: 3 });
    expect(selfTimes([x("FunctionCall", 10_000, 1500)], URL_)).toBeNull();
  });
});
