// @vitest-environment happy-dom
// Long work in slices (src/content/slices.ts, docs/decisions/0011-long-tasks.md): it completes, in order and once
// each; work that fits in the first slice finishes at once; cancelled work stops between slices; the anchoring in
// slices places exactly what the anchoring in one go places; an article session ended mid-way stops anchoring.
// A fake clock makes every step cost 1 ms, so the slices do not depend on this machine's speed.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  (globalThis as { chrome?: unknown }).chrome = { runtime: { id: "ext" } };
});

import { normaliseWithMap, normaliseWithMapSteps, toSource } from "../../src/anchoring/normalise";
import { finish, type Steps } from "../../src/anchoring/steps";
import { anchorInPage, anchorInPageSteps } from "../../src/content/anchor";
import { ArticleSession } from "../../src/content/session";
import { Cancelled, runSliced, yieldToMain } from "../../src/content/slices";
import { notAnArticle, type Status } from "../../src/model/protocol";
import { fakeHighlights, fakeUi, payloadOf } from "./fakes";

/** A clock that moves 1 ms each time it is read after a step. */
function fakeClock() {
  let t = 0;
  return { now: () => t, tick: () => void t++ };
}

/** Steps that record the items they handle, each costing 1 ms of the fake clock. */
function* items(n: number, seen: number[], tick: () => void, finished: { ok: boolean }): Steps<number> {
  try {
    for (let i = 0; i < n; i++) {
      seen.push(i);
      tick();
      yield;
    }
    return n;
  } finally {
    finished.ok = true;
  }
}

describe("runSliced", () => {
  test("work that fits in the first slice finishes at once, in the caller's task", () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const run = runSliced(items(5, seen, clock.tick, { ok: false }), { now: clock.now, firstBudgetMs: 30 });
    expect(run.sync).toBe(true);
    expect(run.value).toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  test("longer work completes in slices: every item once, in order, the thread given back between slices", async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const slices: number[] = [];
    let pauses = 0;
    const run = runSliced(items(100, seen, clock.tick, { ok: false }), {
      now: clock.now,
      firstBudgetMs: 10,
      budgetMs: 7,
      onSlice: (ms) => slices.push(ms),
      pause: async () => {
        pauses++;
      },
    });
    expect(run.sync).toBe(false);
    expect(seen).toHaveLength(10); // the first slice only, so far
    expect(await run.value).toBe(100);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(slices.length).toBe(pauses + 1);
    expect(Math.max(...slices)).toBeLessThanOrEqual(10);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(100);
  });

  test("the first slice's budget counts from `since`: work done before it in the task leaves it less", () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const slices: number[] = [];
    for (let i = 0; i < 25; i++) clock.tick(); // the task's work before the slice
    const run = runSliced(items(100, seen, clock.tick, { ok: false }), {
      now: clock.now,
      firstBudgetMs: 30,
      since: 0,
      onSlice: (ms) => slices.push(ms),
      pause: () => new Promise(() => undefined),
    });
    expect(run.sync).toBe(false);
    expect(seen).toHaveLength(5);
    expect(slices).toEqual([5]); // the slice's own length, not the task's
    // Past its budget already: one step still (the work goes on).
    const late: number[] = [];
    runSliced(items(100, late, clock.tick, { ok: false }), {
      now: clock.now,
      firstBudgetMs: 30,
      since: 0,
      pause: () => new Promise(() => undefined),
    });
    expect(late).toHaveLength(1);
  });

  test("cancelled between slices: it stops there, the steps are closed and the result rejects", async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const finished = { ok: false };
    let ended = false;
    let slices = 0;
    const run = runSliced(items(100, seen, clock.tick, finished), {
      now: clock.now,
      firstBudgetMs: 10,
      budgetMs: 10,
      cancelled: () => ended,
      onSlice: () => {
        if (++slices === 2) ended = true; // the session ends during the second slice
      },
      pause: async () => undefined,
    });
    expect(run.sync).toBe(false);
    await expect(run.value).rejects.toBeInstanceOf(Cancelled);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(finished.ok).toBe(true);
  });

  test("yieldToMain resumes in a later task (a message-channel task where there is no scheduler.yield)", async () => {
    const order: string[] = [];
    const timer = new Promise<void>((r) =>
      setTimeout(() => {
        order.push("timer");
        r();
      }, 0),
    );
    await yieldToMain();
    order.push("resumed");
    await timer;
    expect(order).toContain("resumed");
    expect(order).toHaveLength(2);
  });
});

/** A page with many paragraphs, each holding a quotation, and a target per quotation. */
function manyTargets(n: number) {
  const paras: string[] = [];
  const targets = [];
  let text = "";
  for (let i = 0; i < n; i++) {
    const p = `Speaker ${i} said that “the harbour number ${i} will reopen after the strike ends”, officials added.`;
    const exact = `the harbour number ${i} will reopen after the strike ends`;
    const start = text.length + p.indexOf(exact);
    targets.push({
      id: `t${i}`,
      kind: "named" as const,
      target: {
        exact,
        prefix: (text + p).slice(Math.max(0, start - 32), start),
        suffix: (text + p).slice(start + exact.length, start + exact.length + 32),
        start,
        end: start + exact.length,
      },
    });
    paras.push(`<p>${p}</p>`);
    text += `${p}\n`;
  }
  document.body.innerHTML = `<article>${paras.join("")}</article>`;
  return targets;
}

describe("anchoring in slices", () => {
  test("the text normalised in chunks is the same as in one go, map back included", () => {
    const pieces = [
      "Word",
      "  ",
      "\u2014",
      " ",
      "Ǆ",
      "\u00ad",
      "Σ",
      "\u2026",
      "\u201cq\u201d",
      "\n\n",
      "-",
      "ÉTÉ",
      "\u00a0",
    ];
    let text = "";
    for (let i = 0; text.length < 5000; i++) text += pieces[(i * 7 + (i >> 3)) % pieces.length];
    for (const lowercase of [false, true]) {
      const whole = normaliseWithMap(text, { lowercase });
      for (const chunk of [1, 3, 17, 256]) {
        let steps = 0;
        const gen = normaliseWithMapSteps(text, { lowercase }, chunk);
        let r = gen.next();
        for (; !r.done; r = gen.next()) steps++;
        expect(steps).toBeGreaterThan(1);
        expect(r.value.text).toBe(whole.text);
        expect(r.value.edits).toEqual(whole.edits);
        for (let i = 0; i < whole.text.length; i += 97)
          expect(toSource(r.value, i, i + 5)).toEqual(toSource(whole, i, i + 5));
      }
    }
  });

  beforeEach(() => {
    document.body.innerHTML = "";
  });

  test("while the page is still being parsed, only verbatim passages are placed (no fuzzy search yet)", () => {
    const targets = manyTargets(3);
    const edited = targets[1] as (typeof targets)[number];
    edited.target = { ...edited.target, exact: edited.target.exact.replace("reopen", "re-open") };
    const loading = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    expect(anchorInPage(document, targets).orphaned).toEqual(["t1"]);
    loading.mockRestore();
    expect(anchorInPage(document, targets).orphaned).toEqual([]);
  });

  test("the same ranges, ids and orphans as in one go, whatever the slices' size", async () => {
    const targets = manyTargets(60);
    targets.push({ ...(targets[0] as (typeof targets)[number]), id: "gone" });
    (targets[60] as (typeof targets)[number]).target = {
      ...(targets[0] as (typeof targets)[number]).target,
      exact: "a passage this page does not have anywhere at all",
    };
    const once = anchorInPage(document, targets);
    const clock = fakeClock();
    let steps = 0;
    const counting = function* () {
      const inner = anchorInPageSteps(document, targets);
      for (;;) {
        clock.tick();
        const r = inner.next();
        if (r.done) return r.value;
        steps++;
        yield;
      }
    };
    const run = runSliced(counting(), {
      now: clock.now,
      firstBudgetMs: 3,
      budgetMs: 3,
      pause: async () => undefined,
    });
    expect(run.sync).toBe(false);
    const sliced = await run.value;
    expect(steps).toBeGreaterThan(60);
    expect(sliced.orphaned).toEqual(once.orphaned);
    expect(sliced.orphaned).toEqual(["gone"]);
    const ids = sliced.anchored.map((a) => a.id);
    expect(ids).toEqual(once.anchored.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(sliced.anchored.map((a) => a.range.toString())).toEqual(
      once.anchored.map((a) => a.range.toString()),
    );
    expect(finish(anchorInPageSteps(document, targets)).anchored).toHaveLength(60);
  });
});

describe("the article session's anchoring in slices", () => {
  let status: Status;
  const session = (n: number) => {
    fakeHighlights();
    const targets = manyTargets(n);
    status = notAnArticle();
    const clock = fakeClock();
    const { asPageUi } = fakeUi();
    let pauses: (() => void)[] = [];
    const s = new ArticleSession({
      doc: document,
      payload: payloadOf(targets),
      status,
      background: { noteAnchors: async () => [], card: async () => null, noteDraft: async () => null },
      makeUi: () => asPageUi,
      // Each read of the clock costs 1 ms: a slice is a few steps; the thread comes back when the test says so.
      slicing: {
        now: () => {
          clock.tick();
          return clock.now();
        },
        firstBudgetMs: 20,
        budgetMs: 20,
        pause: () => new Promise<void>((r) => pauses.push(r)),
      },
    });
    const resume = async () => {
      const waiting = pauses;
      pauses = [];
      for (const r of waiting) r();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { s, resume, waiting: () => pauses.length, now: clock.now };
  };
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test("a long list is anchored in slices: every target placed once, then painted", async () => {
    const { s, resume, waiting } = session(40);
    const anchoring = s.anchor();
    expect(anchoring).toBeInstanceOf(Promise);
    expect(status.anchored).toBe(0); // not yet: the first slice did not finish it
    while (waiting()) await resume();
    expect(await anchoring).toBe(true);
    expect(status.anchored).toBe(40);
    expect(status.orphaned).toEqual([]);
    const refs = s.placed().map((a) => (a.ref.kind === "target" ? a.ref.id : ""));
    expect(new Set(refs).size).toBe(40);
  });

  test("the first frame's slice counts from the start of the task's work: a recognition before it leaves it less", async () => {
    const fits = session(3);
    expect(fits.s.anchor(true, fits.now())).toBe(true);
    const late = session(3);
    const anchoring = late.s.anchor(true, late.now() - 19);
    expect(anchoring).toBeInstanceOf(Promise);
    while (late.waiting()) await late.resume();
    expect(await anchoring).toBe(true);
    expect(status.anchored).toBe(3);
    // A later pass is not the first frame's: `since` means nothing to it.
    const later = session(3);
    expect(later.s.anchor(false, later.now() - 19)).toBe(true);
  });

  test("the session ends mid-way: the anchoring stops and places nothing", async () => {
    const { s, resume, waiting } = session(40);
    const anchoring = s.anchor() as Promise<boolean>;
    expect(waiting()).toBe(1);
    s.dispose();
    await resume();
    expect(await anchoring).toBe(false);
    expect(waiting()).toBe(0); // no further slice was asked for
    expect(s.placed()).toEqual([]);
    expect(status.anchored).toBe(0);
  });

  test("a newer pass replaces one still in slices: only the newer one places its ranges", async () => {
    const { s, resume, waiting } = session(40);
    const older = s.anchor() as Promise<boolean>;
    const newer = s.reanchor() as Promise<void>;
    while (waiting()) await resume();
    expect(await older).toBe(false);
    await newer;
    expect(status.anchored).toBe(40);
    expect(s.placed()).toHaveLength(40);
  });
});
