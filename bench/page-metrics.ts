// What the benchmarks read from a page: the script time of one page load (from a trace, bench/script-time.ts) and
// Chromium's own counters for it (CDP Performance.getMetrics), and the content script's status once it has painted.
import type { BrowserContext, Page, Worker } from "playwright-core";
import type { Status } from "../src/model/protocol";
import { getExtensionWorker, launchChromium } from "../test/e2e/browsers";
import { scriptTime, type TraceEvent } from "./script-time";

/** Loads per build and page for a script or main-thread cost (a few milliseconds, with a spread as wide): three
 *  times the bench's runs, at least 15, in COST_ROUNDS rounds. */
const COST_RUNS = Math.max(3 * Number(process.env.BENCH_RUNS ?? 9), 15);
const COST_ROUNDS = Math.max(Number(process.env.BENCH_RUNS ?? 9), 5);
/** Measured loads of each build and page in one round of roundCosts (its arrays hold them round after round). */
export const COST_PER_ROUND = Math.ceil(COST_RUNS / COST_ROUNDS);

/** A build measured by roundCosts: an extension's directory (none: no extension) and whether to wait for its
 *  service worker (the product's content.js is registered by its background at install, decision 0018). */
export type CostBuild = { dir?: string; worker?: boolean; workerTimeoutMs?: number };

/** A build given by its directory on the command line: one named …/chrome is the product's (its background
 *  registers content.js: waited for). */
export const costBuild = (dir: string): CostBuild => ({ dir, worker: dir.endsWith("/chrome") });

/**
 * Script time (traced, see scriptTime) and CDP TaskDuration (ms) of loads of each of `urls` with each build, per
 * build and page. One browser per build for a whole run put each build's figures on one browser instance, and
 * instances differ: the same build in two browsers of one A/B came out 0.16–0.8 ms apart (decision 0025). Here
 * every round launches a fresh browser for each build in turn (the order reversed every other round, so that the
 * machine's drift falls on all alike), loads each page once to warm it up and then a few times measured, and
 * closes it. Each load is a new tab, whose new renderer process compiles every script again; with `sameTab` the
 * loads of a page follow one another in one tab instead, where V8 keeps what it compiled (the first, unmeasured,
 * compiles): the script time only (TaskDuration is NaN).
 */
export async function roundCosts(
  builds: CostBuild[],
  urls: string[],
  proxyPort: number,
  sameTab = false,
  /** Given each measured load's trace (its build's and page's indices). */
  onTrace?: (build: number, page: number, events: TraceEvent[]) => void,
): Promise<{ script: number[]; task: number[] }[][]> {
  const out = builds.map(() => urls.map(() => ({ script: [] as number[], task: [] as number[] })));
  for (let round = 0; round < COST_ROUNDS; round++) {
    const order = [...builds.keys()];
    if (round % 2) order.reverse();
    for (const k of order) {
      const b = builds[k] as CostBuild;
      const s = await launchChromium({ ...(b.dir ? { extensionDir: b.dir } : {}), proxyPort });
      if (b.worker) await getExtensionWorker(s.context, b.workerTimeoutMs);
      for (const [u, url] of urls.entries()) {
        const tab = sameTab ? await s.context.newPage() : undefined;
        for (let i = 0; i < COST_PER_ROUND + 1; i++) {
          const { metrics: m, events } = await pageLoadMetrics(s.context, url, tab);
          if (i === 0) continue; // the page's first load warms the browser up
          onTrace?.(k, u, events);
          out[k]?.[u]?.script.push(m.TracedScript ?? Number.NaN);
          out[k]?.[u]?.task.push(m.TaskDuration ?? Number.NaN);
        }
        await tab?.close();
      }
      await s.close();
    }
  }
  return out;
}

/**
 * Load `url` in a new page (or navigate `tab` to it), wait for the content script's work, return the page's
 * metrics (ms for durations; none for a tab, whose counters run on across its loads) and `TracedScript`, the
 * script time on the page's main thread read from a trace of the load (see scriptTime), and the trace's events.
 */
async function pageLoadMetrics(
  context: BrowserContext,
  url: string,
  tab?: Page,
): Promise<{ metrics: Record<string, number>; events: TraceEvent[] }> {
  const page = tab ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,v8.execute",
    transferMode: "ReportEvents",
  });
  if (!tab) await cdp.send("Performance.enable");
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(400); // the content script runs at document_idle, then its round trips
  const { metrics } = tab ? { metrics: [] } : await cdp.send("Performance.getMetrics");
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.end");
  await complete;
  if (tab) await cdp.detach();
  else await page.close();
  return {
    metrics: {
      ...Object.fromEntries(
        metrics.map((m) => [m.name, /Duration$/.test(m.name) ? m.value * 1000 : m.value]),
      ),
      TracedScript: scriptTime(events, url),
    },
    events,
  };
}

/** The active tab's content-script status once it is ready and has painted — the article's overlays, or the
 *  timing named (asked through the extension's service worker every 50 ms, for at most 5 s); null if it never
 *  does. */
export async function paintedStatus(
  worker: Worker,
  painted: "paintedMs" | "notesPaintedMs" = "paintedMs",
): Promise<Status | null> {
  for (let i = 0; i < 100; i++) {
    const s = (await worker.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(t?.id as number, { type: "status" }).catch(() => null);
    })) as Status | null;
    if (s?.ready && s.timings?.[painted] !== undefined) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** In the page: its first contentful paint's time (when the frame was presented), waited for if not reported yet;
 *  NaN if none comes within 3 s. (No named inner functions: tsx would wrap them in a helper the page lacks.) */
export function firstContentfulPaint(): Promise<number> {
  return new Promise((resolve) => {
    const entry = performance.getEntriesByName("first-contentful-paint")[0];
    if (entry) return resolve(entry.startTime);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") resolve(e.startTime);
    }).observe({ type: "paint", buffered: true });
    setTimeout(() => resolve(Number.NaN), 3000);
  });
}

/** A page's frames over 50 ms so far (Long Animation Frames: a frame's tasks and its rendering, kept for a late
 *  observer; none where the browser has no such API, as Firefox) with when each began rendering, the end of its
 *  parsing (DOMContentLoaded's start) and its first contentful paint, from its time origin. Untraced: what the page
 *  itself can see. (The Long Tasks API was tried first: it reported no rendering task here, not even the layout of
 *  a 5 MB page, which these frames hold.) */
export interface PaintFrames {
  frames: { start: number; ms: number; renderStart: number }[];
  parsed: number | null;
  fcp: number | null;
}

/** In the page: its PaintFrames. */
export function paintFramesInPage(): Promise<PaintFrames> {
  return new Promise((resolve) => {
    const frames: PaintFrames["frames"] = [];
    if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame"))
      new PerformanceObserver((list) => {
        // The entry's type is not in this TypeScript's DOM library: the field read here.
        for (const e of list.getEntries() as (PerformanceEntry & { renderStart: number })[])
          frames.push({ start: e.startTime, ms: e.duration, renderStart: e.renderStart });
      }).observe({ type: "long-animation-frame", buffered: true });
    setTimeout(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      resolve({
        frames,
        parsed: nav?.domContentLoadedEventStart ?? null,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      });
    }, 100);
  });
}

/**
 * How long the first frame rendered after the page's parsing ended took — the frame of its first contentful paint
 * when that comes after the end of parsing (as on the articles' pages), and the one a known article's overlays are
 * painted in then: the long frame whose rendering began between the end of parsing and the first paint (whose
 * time is taken when the frame is presented, after its rendering). 0 when there is none: that frame took 50 ms or
 * less (no shorter frame is reported). NaN when the first paint came before the end of parsing, or is not known.
 */
export function firstFrameAfterParsing({ frames, parsed, fcp }: PaintFrames): number {
  if (fcp === null || parsed === null || fcp < parsed) return Number.NaN;
  return frames.find((f) => f.renderStart >= parsed && f.renderStart <= fcp)?.ms ?? 0;
}
