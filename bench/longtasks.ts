// Long tasks (issue 19; docs/decisions/0011-long-tasks.md): is any main-thread task over 50 ms the extension's?
// Chromium, every page of the bench, traced with and without the extension in the same run (a known article's
// pages also with the floor, bench/baselines/floor); Firefox (no Long Tasks or LoAF there) through the extension's
// own timed slices, beside the same figures in Chromium.
//
// Attribution. Long Animation Frames (`long-animation-frame`, scripts[].sourceURL) was meant to say whose script
// ran in a long frame, but this Chromium (156) lists no content-script entry in scripts[] at all, from the page's
// world or from an extension's isolated world (attributionCheck() shows it on a deliberately slow content script).
// So each load is traced (CDP Tracing: devtools.timeline and V8's sampling profiler) and a task is the extension's
// as far as its time was spent in the extension's code: events that name a chrome-extension:// script (the
// script's own task, timers, message-channel tasks, frame callbacks) and profiler samples whose stack holds such a
// frame (which also finds promise continuations and microtasks, which the events carry no URL for). LONGTASK_DEBUG=1
// prints the functions sampled in each task the extension made long (minified names: an unminified content.js is
// past the 60 KB budget, so the build gives it no site data and a known article takes another path),
// LONGTASK_DEBUG=events also the trace events over 0.5 ms in it; LONGTASK_DEBUG=all those of every long task.
//
// Untraced, beside it (decision 0032: the profiler slows the code it measures): after each load of the end-to-end
// pass, the page's own Long Animation Frames (they time a frame's tasks and rendering; only their script list
// leaves content scripts out) and the extension's timed stretches, placed on the page's timeline; a frame holds as
// much of the extension's time as its stretches overlap it (its untimed work is not seen there).
//
// And as a whole, untraced (decision 0036): the first frame rendered after a known article's page ended parsing —
// the frame its overlays are painted in — over 50 ms or not, with the product build, the floor and no extension,
// loads interleaved. That counts all of the extension's work in the frame, what the timed stretches miss included,
// and the floor's count says what painting the overlays in that frame costs at the least.
//
// Called by bench/run.ts (LONGTASKS=0 leaves it out); alone: node build.mjs --timings --e2e && node --import tsx
// bench/longtasks.ts [chromium|firefox] (writes build/longtasks.json, not bench/results.json); LONGTASK_DIST=dir
// measures the builds in dir instead of dist, LONGTASK_RUNS the loads per page (default 5), LONGTASK_PAGES=regex
// only the pages whose label matches (the 1,000-notes page: "notes"), LONGTASK_TRACE=0 only the own timings;
// the first paint's frame: LONGTASK_FRAMES=0 leaves it out, LONGTASK_FRAME_RUNS the loads per page and build
// (default 8), LONGTASK_PRODUCT the product build (default dist-product/chrome, which npm run bench builds).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page, Worker } from "playwright-core";
import type { Status } from "../src/model/protocol";
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { chromiumDriver, type Driver, firefoxDriver } from "../test/e2e/drivers";
import {
  type FixtureRoute,
  type FixtureServer,
  loadRoutes,
  PAGES_DIR,
  startFixtureServer,
} from "../test/e2e/fixture-server";
import { firstFrameAfterParsing, paintedStatus, paintFramesInPage } from "./page-metrics";
import { bigPage, longArticle, nonArticlePages } from "./pages";
import { TIMINGS_BANNER } from "./timings-banner";

const RUNS = Number(process.env.LONGTASK_RUNS ?? 5);
/** The builds measured: <DIST>/chrome (a --timings build), <DIST>/chrome-e2e and <DIST>/firefox-e2e (--e2e). */
const DIST = process.env.LONGTASK_DIST ?? "dist";
const LONG_MS = 50;
const EXT = /^(chrome|moz)-extension:\/\//;

type Wait = "painted" | "notes" | "ready";
interface BenchPage {
  label: string;
  url: string;
  wait: Wait;
}

/** One trace event (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    beginData?: { url?: string };
    data?: {
      url?: string;
      scriptName?: string;
      startTime?: number;
      timeDeltas?: number[];
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
        }[];
        samples?: number[];
      };
    };
  };
}

/** What one traced load says about the page's main thread. */
export interface LoadTrace {
  /** Every task over 50 ms on the page's main thread (ms). */
  long: number[];
  /** Of those, the ones the extension's code ran in: the task and the extension's time in it (ms). */
  withExtension: { task: number; ext: number }[];
  /** Tasks over 50 ms that are the extension's (madeLongBy). */
  attributable: number;
  /** The most time the extension's code took in any one task, long or not (ms). */
  longestExtension: number;
  /** All the time the extension's code took on the page's main thread in the load (ms). */
  totalExtension: number;
  /** How much of the extension's time was found only by the profiler's samples (promise continuations,
   *  microtasks: no event names their script), the most in one task (ms). */
  samplesOnly: number;
}

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-v8.cpu_profiler",
].join(",");

/** Time in the extension's code per sample of V8's profiler in process `pid`: [time µs, interval µs]. */
function extensionSamples(events: TraceEvent[], pid: number): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const profile of events.filter((e) => e.name === "Profile" && e.pid === pid)) {
    const nodes = new Map<number, { url: string; parent?: number; fn: string }>();
    const memo = new Map<number, boolean>();
    const isExt = (id: number): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const n = nodes.get(id);
      const v = Boolean(n && (EXT.test(n.url) || (n.parent !== undefined && isExt(n.parent))));
      memo.set(id, v);
      return v;
    };
    let t = profile.args?.data?.startTime ?? 0;
    const chunks = events
      .filter((e) => e.name === "ProfileChunk" && e.pid === pid && e.id === profile.id)
      .sort((a, b) => a.ts - b.ts);
    for (const c of chunks) {
      const cpu = c.args?.data?.cpuProfile;
      for (const n of cpu?.nodes ?? [])
        nodes.set(n.id, {
          url: n.callFrame.url ?? "",
          parent: n.parent,
          // LONGTASK_DEBUG: with where the function is, to look up in a source map.
          fn: `${n.callFrame.functionName ?? ""}${process.env.LONGTASK_DEBUG ? ` ${n.callFrame.url?.replace(/^.*\//, "")}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}` : ""}`,
        });
      const deltas = c.args?.data?.timeDeltas ?? [];
      (cpu?.samples ?? []).forEach((s, i) => {
        const dt = deltas[i] ?? 0;
        t += dt;
        // A sample stands for the interval before it (capped: a gap means the thread was idle or not sampled).
        if (isExt(s)) out.push([t, Math.min(dt, 20_000), nodes.get(s)?.fn ?? ""]);
      });
    }
  }
  return out;
}

/** The page's main thread in a trace, and what ran in its tasks. */
export function attribute(events: TraceEvent[], pageUrl: string): LoadTrace {
  const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url === pageUrl);
  const pid = parse?.pid ?? -1;
  const tid = parse?.tid ?? -1;
  const samples = extensionSamples(events, pid);
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");
  const named = onThread.filter((e) => EXT.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? ""));
  const result: LoadTrace = {
    long: [],
    withExtension: [],
    attributable: 0,
    longestExtension: 0,
    totalExtension: 0,
    samplesOnly: 0,
  };
  for (const task of onThread) {
    if (task.name !== "RunTask") continue;
    const end = task.ts + (task.dur ?? 0);
    let sampled = 0;
    // A sample's interval is counted from the task's start at the earliest: before it, the thread was in another
    // task or idle (counted whole, the first sample of ours in a task took up to 20 ms of that into it).
    for (const [t, dt] of samples) if (t >= task.ts && t <= end) sampled += Math.min(dt, t - task.ts);
    // Events that name an extension script, outermost only (a FunctionCall inside an EvaluateScript counts once).
    let eventsTime = 0;
    let reach = -1;
    for (const e of named)
      if (e.ts >= task.ts && e.ts <= end && e.ts >= reach) {
        eventsTime += e.dur ?? 0;
        reach = e.ts + (e.dur ?? 0);
      }
    const ms = (task.dur ?? 0) / 1000;
    // Samples are taken about every 0.1–1 ms, later on a loaded machine: their sum can pass the task's length.
    const ext = Math.min(ms, Math.max(sampled, eventsTime) / 1000);
    result.longestExtension = Math.max(result.longestExtension, ext);
    result.totalExtension += ext;
    if (eventsTime === 0) result.samplesOnly = Math.max(result.samplesOnly, sampled / 1000);
    if (ms <= LONG_MS) continue;
    result.long.push(Math.round(ms));
    // LONGTASK_DEBUG=events: the trace events over 0.5 ms in each long task with our code; =all: in every long
    // task (the rendering our changes to the page cause runs without our code: not attributed, but read here).
    const events = () => {
      for (const e of onThread)
        if (e.ts >= task.ts && e.ts <= end && (e.dur ?? 0) > 500)
          console.log(
            `    +${((e.ts - task.ts) / 1000).toFixed(1)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ${e.args?.data?.url ?? e.args?.data?.scriptName ?? ""}`,
          );
    };
    if (ext === 0 && process.env.LONGTASK_DEBUG === "all") {
      console.log(`  ${pageUrl} task ${ms.toFixed(0)} ms, none of it ours:`);
      events();
    }
    if (ext > 0) {
      result.withExtension.push({ task: Math.round(ms), ext: Math.round(ext * 10) / 10 });
      if (madeLongBy(ms, ext)) result.attributable++;
      if (process.env.LONGTASK_DEBUG) {
        const fns = new Map<string, number>();
        for (const [t, dt, fn] of samples)
          if (t >= task.ts && t <= end) fns.set(fn, (fns.get(fn) ?? 0) + Math.min(dt, t - task.ts) / 1000);
        const top = [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.LONGTASK_TOP ?? 12));
        if (process.env.LONGTASK_DEBUG === "events" || process.env.LONGTASK_DEBUG === "all") events();
        console.log(
          `  ${pageUrl} task ${ms.toFixed(0)} ms, extension ${ext.toFixed(1)} ms:`,
          top.map(([f, v]) => `${f || "(anon)"} ${v.toFixed(1)}`).join(", "),
        );
      }
    }
  }
  return result;
}

/** Trace one load of `url` in a new page; `settle` waits for the extension's work (or a fixed time). */
async function tracedLoad(
  context: BrowserContext,
  url: string,
  settle: (page: Page) => Promise<Status | null>,
): Promise<LoadTrace & { status: Status | null }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await page.goto(url);
  const status = await settle(page);
  await page.waitForTimeout(500); // what comes after the paint: the launcher, the notes' boxes
  const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
  await cdp.send("Tracing.end");
  await done;
  await cdp.detach();
  await page.close();
  return { ...attribute(events, url), status };
}

/** The check behind the method: a content script that blocks the main thread on purpose in six ways
 *  (bench/baselines/slow), and what each method attributes to it. */
export async function attributionCheck(server: FixtureServer, url: string) {
  const s = await launchChromium({ extensionDir: "bench/baselines/slow", proxyPort: server.proxyPort });
  await s.context.addInitScript(() => {
    const w = window as unknown as { __loaf: { duration: number; scripts: string[] }[] };
    w.__loaf = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as unknown as { duration: number; scripts: { sourceURL: string }[] }[])
        w.__loaf.push({ duration: Math.round(e.duration), scripts: e.scripts.map((x) => x.sourceURL) });
    }).observe({ type: "long-animation-frame", buffered: true });
  });
  let loaf: { duration: number; scripts: string[] }[] = [];
  const trace = await tracedLoad(s.context, url, async (page) => {
    await page.waitForTimeout(1500);
    loaf = await page.evaluate(
      () => (window as unknown as { __loaf: { duration: number; scripts: string[] }[] }).__loaf,
    );
    return null;
  });
  await s.close();
  return {
    planted:
      "6 stretches: the script's task 120 ms (+ a 70 ms microtask in it), a promise continuation 90, a timer 80, a message-channel task 75, a frame callback 65",
    loafFrames: loaf.length,
    loafFramesNamingTheExtension: loaf.filter((f) => f.scripts.some((u) => EXT.test(u))).length,
    loafScripts: loaf.reduce((n, f) => n + f.scripts.length, 0),
    trace,
  };
}

/** Write the generated pages into a temporary folder and serve them with the fixtures. */
function benchPages(): { routes: FixtureRoute[]; pages: BenchPage[]; tmp: string } {
  const all = loadRoutes();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-longtasks-"));
  const routes: FixtureRoute[] = [];
  const pages: BenchPage[] = [];
  const serve = (url: string, html: string, name: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, html);
    routes.push({
      url,
      file: path.relative(PAGES_DIR, file),
      expect: null,
      kind: "related",
      variant: "bench",
      title: name,
      headline: name,
    });
  };
  for (const id of ["csm-libya-2011-04-01", "wt-libya-2011-04", "nyt-libya-2011-07"]) {
    for (const variant of ["canonical", "print", "archive"]) {
      const r = all.find((x) => x.expect === id && x.variant === variant);
      if (r) pages.push({ label: `${id} (${variant})`, url: r.url, wait: "painted" });
    }
  }
  for (const id of ["csm-libya-2011-04-01", "wt-libya-2011-04", "nyt-libya-2011-07"]) {
    const r = all.find((x) => x.expect === id && x.variant === "canonical") as FixtureRoute;
    const big = bigPage(r, 520_000, "500k");
    serve(big.url, big.html, `${id}-500k.html`);
    pages.push({ label: `${id} (500 KB page)`, url: big.url, wait: "painted" });
  }
  const nyt = all.find((x) => x.expect === "nyt-libya-2011-07" && x.variant === "canonical") as FixtureRoute;
  const huge = bigPage(nyt, 5 * 1024 * 1024, "5mb");
  serve(huge.url, huge.html, "nyt-5mb.html");
  pages.push({ label: "nyt-libya-2011-07 (5 MB page)", url: huge.url, wait: "painted" });
  const [, index] = nonArticlePages(all)[1] as readonly [string, FixtureRoute];
  pages.push({ label: "non-article page (day's index, text compared)", url: index.url, wait: "ready" });
  for (const words of [2000, 6000]) {
    const url = `https://www.nytimes.com/2024/06/0${words / 1000}/world/long-${words}.html`;
    serve(url, longArticle(words), `long-${words}.html`);
    pages.push({ label: `analysed article, ${words.toLocaleString("en")} words`, url, wait: "painted" });
  }
  // The 6,000-word story under 4 MB of comments: the page's HTML serialised for the analysis is the long part.
  const story = longArticle(6000);
  const news = all.find((r) => r.variant === "news" && r.url.includes("nytimes")) as FixtureRoute;
  const comments = bigPage({ ...news, url: "x" }, 4 * 1024 * 1024, "4mb").html.match(
    /<section id="comments">[\s\S]*<\/section>/,
  )?.[0];
  const url4 = "https://www.nytimes.com/2024/06/04/world/long-6000-comments.html";
  serve(url4, story.replace("</body>", `${comments ?? ""}</body>`), "long-6000-4mb.html");
  pages.push({ label: "analysed article, 6,000 words under 4 MB of comments", url: url4, wait: "painted" });
  const only = process.env.LONGTASK_PAGES ? new RegExp(process.env.LONGTASK_PAGES) : null;
  return { routes, pages: only ? pages.filter((p) => only.test(p.label)) : pages, tmp };
}

/** 1,000 notes on the NYT article, saved through the extension as the notes page would. */
async function addNotes(context: BrowserContext, extensionId: string, url: string): Promise<void> {
  const text = JSON.parse(readFileSync("build/dataset.json", "utf8")).articles.find(
    (a: { id: string }) => a.id === "nyt-libya-2011-07",
  ).text as string;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(
    async ({ text, url }) => {
      for (let i = 0; i < 1000; i++) {
        const start = (i * 37) % (text.length - 60);
        const target = {
          exact: text.slice(start, start + 40),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(start + 40, start + 72),
          start,
          end: start + 40,
        };
        const r = await chrome.runtime.sendMessage({
          type: "notes",
          op: { op: "add", draft: { articleId: "nyt-libya-2011-07", url, target }, body: "benchmark note" },
        });
        if (!r?.ok) throw new Error(r?.message);
      }
    },
    { text, url },
  );
  await page.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);

interface PageFigures {
  loads: number;
  longTasks: number;
  longest: number;
  withExtension: { task: number; ext: number }[];
  attributable: number;
  longestExtension: number;
  longestExtensionMedian: number;
  totalExtensionMedian: number;
  samplesOnly: number;
  ownLongestSlice?: number;
  painted?: number;
}

function summarise(loads: (LoadTrace & { status: Status | null })[]): PageFigures {
  return {
    loads: loads.length,
    longTasks: loads.reduce((n, l) => n + l.long.length, 0),
    longest: max(loads.flatMap((l) => l.long)),
    withExtension: loads.flatMap((l) => l.withExtension),
    attributable: loads.reduce((n, l) => n + l.attributable, 0),
    longestExtension: Math.round(max(loads.map((l) => l.longestExtension)) * 10) / 10,
    longestExtensionMedian: Math.round(median(loads.map((l) => l.longestExtension)) * 10) / 10,
    totalExtensionMedian: Math.round(median(loads.map((l) => l.totalExtension)) * 10) / 10,
    samplesOnly: Math.round(max(loads.map((l) => l.samplesOnly)) * 10) / 10,
    ownLongestSlice: max(loads.map((l) => l.status?.timings?.longestTaskMs ?? 0)),
    painted: median(loads.map((l) => l.status?.timings?.paintedMs ?? Number.NaN)),
  };
}

/** Chromium: every page traced RUNS times with the extension (dist/chrome, a --timings build) and without; a known
 *  article's pages on its publisher's site also with the floor (bench/baselines/floor: the least that paints an
 *  article's overlays in its first frame), whose first frame shares its task with the page's own first layout too. */
export async function chromiumLongTasks(server: FixtureServer, pages: BenchPage[]) {
  const out: Record<string, { ours: PageFigures; baseline: PageFigures; floor?: PageFigures }> = {};
  const ours = await launchChromium({ extensionDir: `${DIST}/chrome`, proxyPort: server.proxyPort });
  const { worker, extensionId } = await getExtensionWorker(ours.context);
  const bare = await launchChromium({ proxyPort: server.proxyPort });
  const floor = await launchChromium({ extensionDir: "bench/baselines/floor", proxyPort: server.proxyPort });
  const settle = (w: Worker, wait: Wait) => async (): Promise<Status | null> =>
    wait === "ready" ? waitReady(w) : paintedStatus(w, wait === "notes" ? "notesPaintedMs" : "paintedMs");
  const fixed = (p: Page) => p.waitForTimeout(1000).then(() => null);
  const measure = async (label: string, url: string, wait: Wait) => {
    const withExt: (LoadTrace & { status: Status | null })[] = [];
    const without: (LoadTrace & { status: Status | null })[] = [];
    const withFloor: (LoadTrace & { status: Status | null })[] = [];
    // The floor paints wherever it runs: measured where ours paints a known article in the first frame.
    const knownArticle = wait !== "ready" && !label.startsWith("analysed") && !/web\.archive\.org/.test(url);
    for (let i = 0; i < RUNS; i++) {
      without.push(await tracedLoad(bare.context, url, fixed));
      withExt.push(await tracedLoad(ours.context, url, settle(worker, wait)));
      if (knownArticle) withFloor.push(await tracedLoad(floor.context, url, fixed));
    }
    out[label] = {
      ours: summarise(withExt),
      baseline: summarise(without),
      ...(knownArticle ? { floor: summarise(withFloor) } : {}),
    };
    console.log(label, JSON.stringify(out[label]));
  };
  for (const p of pages) await measure(p.label, p.url, p.wait);
  const nyt =
    loadRoutes().find((r) => r.expect === "nyt-libya-2011-07" && r.variant === "canonical")?.url ?? "";
  if (!process.env.LONGTASK_PAGES || /notes/.test(process.env.LONGTASK_PAGES)) {
    await addNotes(ours.context, extensionId, nyt);
    await measure("nyt-libya-2011-07 with 1,000 notes", nyt, "notes");
  }
  await ours.close();
  await bare.close();
  await floor.close();
  return out;
}

/** The product build, for the first paint's frame (no benchmark timings: they look at the page before each frame;
 *  `npm run bench` builds it, `DIST_DIR=dist-product node build.mjs --skip-dataset` alone). */
const PRODUCT = process.env.LONGTASK_PRODUCT ?? "dist-product/chrome";
/** Loads per page and build of the first paint's frame. */
const FRAME_RUNS = Number(process.env.LONGTASK_FRAME_RUNS ?? 8);

/** The first paint's frame in each load, ms (0: 50 ms or less; NaN: the first paint came before the end of parsing):
 *  with no extension, with the floor (where it runs) and with ours. */
export interface FirstPaintFrames {
  none: number[];
  floor?: number[];
  ours: number[];
}

/** Untraced, in the product build: the first frame rendered after a known article's page ended parsing (its first
 *  contentful paint's on these pages, and the frame its overlays are painted in) with no extension, with the floor (bench/baselines/floor, the least that paints
 *  the overlays in that frame, where it runs) and with ours, loads interleaved (the first of each discarded).
 *  Whether that frame is over 50 ms tells what the extension's work there costs in whole: compilation, untimed
 *  work and the rendering of the highlights included, which the timed stretches above do not see. */
async function firstPaintFrames(server: FixtureServer, pages: BenchPage[]) {
  if (timingsOn(PRODUCT))
    throw new Error(
      `${PRODUCT} has the benchmark's timings: DIST_DIR=dist-product node build.mjs --skip-dataset`,
    );
  const builds = {
    none: await launchChromium({ proxyPort: server.proxyPort }),
    floor: await launchChromium({ extensionDir: "bench/baselines/floor", proxyPort: server.proxyPort }),
    ours: await launchChromium({ extensionDir: PRODUCT, proxyPort: server.proxyPort }),
  };
  const out: Record<string, FirstPaintFrames> = {};
  try {
    for (const p of pages) {
      const floorRuns = !/web\.archive\.org/.test(p.url); // the floor's manifest matches the publishers' sites only
      const row: FirstPaintFrames = {
        none: [],
        ours: [],
        ...(floorRuns ? { floor: [] } : {}),
      };
      for (let i = 0; i <= FRAME_RUNS; i++)
        for (const name of ["none", "floor", "ours"] as const) {
          const list = row[name];
          if (!list) continue;
          const page = await builds[name].context.newPage();
          await page.goto(p.url);
          await page.waitForTimeout(1000);
          const ms = firstFrameAfterParsing(await page.evaluate(paintFramesInPage));
          await page.close();
          if (i > 0) list.push(Number.isNaN(ms) ? ms : Math.round(ms));
        }
      out[p.label] = row;
      console.log("first paint's frame", p.label, JSON.stringify(row));
    }
  } finally {
    for (const b of Object.values(builds)) await b.close();
  }
  return out;
}

async function waitReady(worker: Worker): Promise<Status | null> {
  for (let i = 0; i < 100; i++) {
    const s = (await worker.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(t?.id as number, { type: "status" }).catch(() => null);
    })) as Status | null;
    if (s?.ready) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** One page's own timings over its loads (the first, cold, counted in the slices and long frames only). */
interface OwnRow {
  painted: number[];
  fcp: number[];
  inFirstPaint: number;
  longestSlice: number[];
  /** Every frame over 50 ms in every load (Long Animation Frames; none in Firefox), with the extension's timed
   *  share. */
  longFrames: { frame: number; ours: number }[];
}

/** Whether the build in `dir` has the benchmark's timings switched on (its banner, bench/timings-banner.ts). */
const timingsOn = (dir: string) =>
  readFileSync(path.join(dir, "content.js"), "utf8").startsWith(TIMINGS_BANNER);

/** Stop at once, with what to do, when `dir` holds a build without the benchmark's timings: every load would wait
 *  for a paint it is never told of, and the rows would lack the extension's own figures. (A full `npm run bench`
 *  ends with the scale part's product build in dist/.) */
export function timingsBuild(dir: string): void {
  if (!timingsOn(dir))
    throw new Error(
      `${path.join(dir, "content.js")} has no benchmark timings: build it first with node build.mjs --timings --e2e`,
    );
}

/** A task (or frame) over 50 ms is the extension's when it is 50 ms or less without the extension's time in it, or
 *  when that time alone is over 50 ms: a task long without us too can still hold one of ours (stop 39's observer
 *  check took 2.3 s of a 4.4 s task on the 5 MB page, and counting only the first kind missed it). */
export const madeLongBy = (ms: number, ours: number): boolean =>
  ms > LONG_MS && (ms - ours <= LONG_MS || ours > LONG_MS);

/** Untraced attribution (no profiler slowing the code): the page's frames over 50 ms (Long Animation Frames) and
 *  the extension's own timed stretches in the same load; a frame holds as much of the extension's time as its
 *  stretches overlap it, and is the extension's by madeLongBy. It misses the extension's untimed
 *  work (a listener's call, a frame's callback that finds nothing): the traced attribution beside it does not. */
export function ownShareOfLongFrames(
  frames: [number, number][],
  stretches: [number, number][],
): { frame: number; ours: number }[] {
  // Stretches nest (the first paint's holds its anchoring slice and its paint): their union is counted.
  const union: [number, number][] = [];
  for (const [s, d] of [...stretches].sort((a, b) => a[0] - b[0])) {
    const last = union.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], s + d);
    else union.push([s, s + d]);
  }
  return frames.map(([start, ms]) => {
    let ours = 0;
    for (const [s, e] of union) ours += Math.max(0, Math.min(start + ms, e) - Math.max(start, s));
    return { frame: Math.round(ms), ours: Math.round(ours * 10) / 10 };
  });
}

/** Start → painted, the page's first contentful paint from the script's start, the longest of the extension's own
 *  timed slices, and (Chromium) the page's long frames with the extension's share of each, untraced, through the
 *  end-to-end builds' status (the same way in both browsers). */
async function ownTimings(driver: Driver, pages: BenchPage[]) {
  const tab = await driver.newTab();
  const out: Record<string, OwnRow> = {};
  for (const p of pages) {
    const row: OwnRow = { painted: [], fcp: [], inFirstPaint: 0, longestSlice: [], longFrames: [] };
    for (let i = 0; i < RUNS + 1; i++) {
      await tab.goto(p.url);
      let s: Status | null = null;
      const done = (x: Status | null) =>
        p.wait === "ready" ? x?.ready : x?.timings?.paintedMs !== undefined;
      for (let k = 0; k < 100 && !done(s); k++) {
        s = await tab.status(2000);
        if (!done(s)) await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 400));
      s = (await tab.status(2000)) ?? s;
      const t = s?.timings;
      // The slices of every load, the first one (cold: the code's first run in this browser) among them; the other
      // figures without it (it warms the browser's caches and the background).
      row.longestSlice.push(t?.longestTaskMs ?? Number.NaN);
      // One read of the page's frames and first paint (the load has painted and settled by now).
      const paint = await tab.evaluate(paintFramesInPage);
      const frames = paint.frames.map((f): [number, number] => [f.start, f.ms]);
      const shares = ownShareOfLongFrames(frames, t?.stretches ?? []);
      row.longFrames.push(...shares);
      if (process.env.LONGTASK_DEBUG) debugLongFrames(p.label, i, frames, shares, t);
      if (i === 0) continue;
      const sinceStart = (paint.fcp ?? Number.NaN) - (t?.startedAt ?? Number.NaN);
      row.painted.push(t?.paintedMs ?? Number.NaN);
      if (!Number.isNaN(sinceStart)) row.fcp.push(sinceStart);
      if (t?.inFirstFrame) row.inFirstPaint++;
    }
    out[p.label] = row;
    console.log(driver.name, p.label, JSON.stringify(row));
  }
  await tab.close();
  return out;
}

/** LONGTASK_DEBUG: where in the load each frame made long by us came, and our stretches in it, counted from the
 *  script's start (the first load is cold). */
function debugLongFrames(
  label: string,
  load: number,
  frames: [number, number][],
  shares: { frame: number; ours: number }[],
  t: Status["timings"],
): void {
  const at = (ms: number) => (ms - (t?.startedAt ?? 0)).toFixed(1);
  frames.forEach(([start, ms], k) => {
    if (!madeLongBy(ms, shares[k]?.ours ?? 0)) return;
    const inIt = (t?.stretches ?? []).filter(([s, d]) => s < start + ms && s + d > start);
    console.log(
      `  ${label} load ${load}: frame ${at(start)}–${at(start + ms)} ms (${ms.toFixed(0)}), painted at ${t?.paintedMs?.toFixed(1)}; ours in it: ${inIt.map(([s, d]) => `${d.toFixed(1)} at ${at(s)}`).join(", ")}`,
    );
  });
}

const fmt = (xs: number[]) =>
  xs.length
    ? `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`
    : "—";

/** The whole long-task bench: results for bench/results.json and rows for its table. */
export async function longTaskBench(which: ("chromium" | "firefox")[] = ["chromium", "firefox"]) {
  if (which.includes("chromium") && process.env.LONGTASK_TRACE !== "0") timingsBuild(`${DIST}/chrome`);
  for (const name of which) timingsBuild(`${DIST}/${name === "chromium" ? "chrome" : "firefox"}-e2e`);
  const { routes, pages, tmp } = benchPages();
  const server = await startFixtureServer({ routes: [...loadRoutes(), ...routes] });
  const results: Record<string, unknown> = { runs: RUNS, date: new Date().toISOString() };
  const table: [string, string, string, string][] = [];
  try {
    const nyt =
      loadRoutes().find((r) => r.expect === "nyt-libya-2011-07" && r.variant === "canonical")?.url ?? "";
    if (which.includes("chromium") && process.env.LONGTASK_TRACE !== "0") {
      const check = await attributionCheck(server, nyt);
      results.attributionCheck = check;
      table.push([
        "attribution check: a content script blocking on purpose in 6 ways (bench/baselines/slow)",
        `traced: ${check.trace.withExtension.length} long tasks with its code (${check.trace.withExtension.map((t) => `${t.task} ms task, ${t.ext} ms its`).join("; ")}); promise continuation found by samples only: ${check.trace.samplesOnly.toFixed(0)} ms`,
        `Long Animation Frames: ${check.loafFrames} long frames, ${check.loafScripts} script entries, ${check.loafFramesNamingTheExtension} naming the extension`,
        "expected: 5 long tasks with its code (the 70 ms microtask runs inside the script's own task), each found",
      ]);
      const chromium = await chromiumLongTasks(server, pages);
      results.chromium = chromium;
      for (const [label, { ours, baseline, floor }] of Object.entries(chromium))
        table.push([
          `${label}: tasks over 50 ms made long by the extension (its longest time in one task; its own longest timed slice; all its main-thread time in a load, median)`,
          `${ours.attributable} in ${ours.loads} loads (${ours.longestExtension.toFixed(1)} ms, median ${ours.longestExtensionMedian.toFixed(1)}; ${ours.ownLongestSlice?.toFixed(1)} ms; ${ours.totalExtensionMedian.toFixed(1)} ms)`,
          `tasks over 50 ms: with the extension ${ours.longTasks} (longest ${ours.longest} ms; the extension's code in ${ours.withExtension.length}: ${ours.withExtension.map((t) => `${t.ext}/${t.task}`).join(", ") || "none"} ms); without it ${baseline.longTasks} (longest ${baseline.longest} ms)${floor ? `; the floor's made long ${floor.attributable} in ${floor.loads} loads (its longest time in one task ${floor.longestExtension.toFixed(1)} ms)` : ""}`,
          "0",
        ]);
    }
    if (which.includes("chromium") && process.env.LONGTASK_FRAMES !== "0") {
      const known = pages.filter((p) => p.wait === "painted" && !p.label.startsWith("analysed"));
      const frames = await firstPaintFrames(server, known);
      results.firstPaintFrames = frames;
      const longOnes = (xs: number[]) => xs.filter((ms) => ms > LONG_MS);
      // NaN: the first paint came before the end of parsing (a big page painted as it arrives): not counted.
      const over = (xs: number[]) => {
        const seen = xs.filter((ms) => !Number.isNaN(ms));
        const early = xs.length - seen.length;
        return `${longOnes(seen).length}/${seen.length}${early ? ` (the first paint before the end of parsing in ${early} more)` : ""}`;
      };
      const long = (xs: number[]) => {
        const ms = longOnes(xs);
        return ms.length ? ` (${ms.join(", ")} ms)` : "";
      };
      // What the floor says of the budget in this run: whether the least first-frame overlays had that frame long
      // more often than no extension (then not even they meet it here).
      const floorSays = ({ floor, none }: FirstPaintFrames) =>
        !floor
          ? ""
          : longOnes(floor).length > longOnes(none).length
            ? "; the floor's count above no extension's: not met by the least first-frame overlays either"
            : "; the floor's count no higher than no extension's";
      for (const [label, f] of Object.entries(frames))
        table.push([
          `${label}: the first frame rendered after parsing ended (the first paint's, on these pages) over 50 ms — Long Animation Frames, untraced, the product build, loads interleaved; all the extension's work in that frame counted, its compilation, untimed work and highlights' rendering too`,
          `${over(f.ours)}${long(f.ours)}`,
          `no extension ${over(f.none)}${long(f.none)}${f.floor ? `; the floor ${over(f.floor)}${long(f.floor)}` : ""}`,
          `0 made long${floorSays(f)}`,
        ]);
    }
    const painted = (p: BenchPage) =>
      / \(canonical\)$/.test(p.label) || /^analysed article, [\d,]+ words$/.test(p.label);
    const own: Record<string, unknown> = {};
    for (const name of which) {
      const driver =
        name === "chromium"
          ? await chromiumDriver(`${DIST}/chrome-e2e`, server.proxyPort)
          : await firefoxDriver(`${DIST}/firefox-e2e`, server.proxyPort);
      try {
        own[name] = await ownTimings(driver, pages);
      } finally {
        await driver.close();
      }
    }
    results.ownTimings = own;
    type Own = Record<string, OwnRow>;
    for (const p of pages) {
      const [c, f] = [
        (own.chromium as Own | undefined)?.[p.label],
        (own.firefox as Own | undefined)?.[p.label],
      ];
      const slices = (xs: number[]) =>
        `longest own slice ${median(xs).toFixed(1)} ms, ${Math.max(...xs).toFixed(1)} at most in ${xs.length} loads`;
      const cell = (r?: Own[string]) =>
        !r
          ? "—"
          : !painted(p)
            ? slices(r.longestSlice)
            : `${fmt(r.painted)}${p.label.startsWith("analysed") ? "" : `; in the first paint ${r.inFirstPaint}/${r.painted.length}`}; ${slices(r.longestSlice)}`;
      // Chromium only: Firefox has no Long Animation Frames.
      const untraced = (r?: Own[string]) => {
        if (!r) return "";
        const ours = r.longFrames.filter((x) => x.ours > 0);
        return `; frames over 50 ms ${r.longFrames.length}, its timed work in ${ours.length}${ours.length ? ` (${ours.map((x) => `${x.ours}/${x.frame}`).join(", ")} ms)` : ""}, made long by it ${ours.filter((x) => madeLongBy(x.frame, x.ours)).length}`;
      };
      table.push([
        `${p.label}: ${painted(p) ? `start → painted${p.label.startsWith("analysed") ? "" : ", overlays in the page's first contentful paint"}, ` : ""}the longest of the extension's own timed slices, median and most; Chromium: the page's frames over 50 ms (Long Animation Frames: a frame's tasks and rendering), those holding the extension's timed work (its ms / the frame's) and how many it made long (Chromium │ Firefox ESR, e2e builds, untraced; the first load cold)`,
        `${cell(c)}${untraced(c)}`,
        cell(f),
        "Firefox reported beside Chromium; slices ≤ 50 ms; made long 0",
      ]);
    }
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { results, table };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv
    .slice(2)
    .filter((a): a is "chromium" | "firefox" => /^(chromium|firefox)$/.test(a));
  const { results, table } = await longTaskBench(which.length ? which : undefined);
  writeFileSync("build/longtasks.json", `${JSON.stringify({ ...results, table }, null, 2)}\n`);
  for (const r of table) console.log(r.join(" │ "));
}
