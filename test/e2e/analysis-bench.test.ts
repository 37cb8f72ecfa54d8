// Measurement (issue 18; docs/decisions/0008-any-article.md), Chromium: a 2,000- and a 6,000-word article that the
// dataset does not hold, on a publisher's site (analysed by itself: status.js → content.js → the background) —
// content script start → painted, and the page's long tasks (PerformanceObserver "longtask", over 50 ms) with
// the extension against the same page on a host where the extension does nothing (the baseline, same run).
// Run alone: npx vitest run test/e2e/analysis-bench.test.ts (BENCH_DIST=dir to measure another build)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page as PwPage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longArticle } from "../../bench/pages";
import type { Analysis } from "../../src/analysis/types";
import type { Status } from "../../src/model/protocol";
import { chromiumDriver, type Driver, type Tab } from "./drivers";
import {
  type FixtureRoute,
  type FixtureServer,
  loadRoutes,
  PAGES_DIR,
  startFixtureServer,
} from "./fixture-server";
import { DIST } from "./helpers";

let server: FixtureServer;
let tmp = "";
const SIZES = [2000, 6000];
const url = (words: number, host: string) =>
  `https://${host}/2024/06/0${words / 1000}/world/long-${words}.html`;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "e2e-analysis-bench-"));
  const routes: FixtureRoute[] = [];
  for (const words of SIZES) {
    const file = path.join(tmp, `long-${words}.html`);
    writeFileSync(file, longArticle(words));
    for (const host of ["www.nytimes.com", "www.harbour-gazette.example"])
      routes.push({
        url: url(words, host).replace(host.endsWith(".example") ? "https:" : "_", "http:"),
        file: path.relative(PAGES_DIR, file),
        expect: null,
        kind: "related",
        variant: "bench",
        title: "long",
        headline: "Long story",
      });
  }
  server = await startFixtureServer({ routes: [...loadRoutes(), ...routes] });
});
afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs before the page's scripts: record long tasks from the start. */
const observeLongTasks = () => {
  const w = window as unknown as { __long: number[] };
  w.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__long.push(Math.round(e.duration));
  }).observe({ type: "longtask", buffered: true });
};

describe("chromium", () => {
  let driver: Driver;
  let tab: Tab & { page: PwPage };
  beforeAll(async () => {
    driver = await chromiumDriver(process.env.BENCH_DIST ?? DIST.chromeE2e, server.proxyPort);
    tab = (await driver.newTab()) as Tab & { page: PwPage };
    await tab.page.addInitScript(observeLongTasks);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it.each(SIZES)(
    "a %i-word article: start → painted, long tasks against the baseline",
    { timeout: 120_000 },
    async (words) => {
      const rows: string[] = [];
      const painted: number[] = [];
      const withExt: number[] = [];
      const base: number[] = [];
      for (let run = 0; run < 5; run++) {
        // Baseline: the same page where the extension does nothing (no content script on that host).
        await tab.goto(url(words, "www.harbour-gazette.example").replace("https:", "http:"));
        await tab.pause(1200, 1200);
        base.push(...(await tab.evaluate(() => (window as unknown as { __long: number[] }).__long)));
        await tab.goto(url(words, "www.nytimes.com"));
        let s: (Status & { analysis?: Analysis | null }) | null = null;
        await expect
          .poll(
            async () => {
              s = (await tab.status(2000)) as typeof s;
              return Boolean(s?.analysis && s.timings?.paintedMs);
            },
            { timeout: 20_000, interval: 200 },
          )
          .toBe(true);
        await tab.pause(600, 600);
        const st = s as unknown as Status & { analysis: Analysis };
        painted.push(st.timings?.paintedMs as number);
        const long = await tab.evaluate(() => (window as unknown as { __long: number[] }).__long);
        withExt.push(...long);
        rows.push(
          `run ${run}: painted ${st.timings?.paintedMs?.toFixed(0)} ms after content.js start (started ${st.timings?.startedAt?.toFixed(0)} ms after navigation), ${st.analysis.attributions.length} attributions, ${st.anchored} anchored in ${st.timings?.anchorMs?.toFixed(0)} ms, long tasks [${long.join(", ")}]`,
        );
      }
      // One more load, traced: every main-thread task over 50 ms, and whether a script of the extension ran in it.
      const cdp = await tab.page.context().newCDPSession(tab.page);
      const events: {
        name: string;
        ph: string;
        ts: number;
        dur?: number;
        tid: number;
        args?: { data?: { url?: string; scriptName?: string } };
      }[] = [];
      cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as typeof events)));
      await cdp.send("Tracing.start", {
        categories: "devtools.timeline,disabled-by-default-devtools.timeline",
        transferMode: "ReportEvents",
      });
      await tab.goto(url(words, "www.nytimes.com"));
      await expect
        .poll(async () => Boolean(((await tab.status(2000)) as { analysis?: unknown } | null)?.analysis), {
          timeout: 20_000,
        })
        .toBe(true);
      await tab.pause(600, 600);
      const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
      await cdp.send("Tracing.end");
      await done;
      const tasks = events.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 50_000);
      const ours = (t: (typeof events)[number]) =>
        events.some(
          (e) =>
            e.tid === t.tid &&
            e.ts >= t.ts &&
            e.ts <= t.ts + (t.dur ?? 0) &&
            /extension:\/\//.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? ""),
        );
      const longOurs = tasks.filter(ours).map((t) => Math.round((t.dur ?? 0) / 1000));
      const extTasks = events.filter((e) => e.name === "RunTask" && ours(e)).map((t) => (t.dur ?? 0) / 1000);
      rows.push(
        `traced: ${tasks.length} tasks over 50 ms in the whole trace, any thread, whoever's (${tasks.map((t) => Math.round((t.dur ?? 0) / 1000)).join(", ")} ms), of which with an extension script in them: [${longOurs.join(", ")}]; the longest task with an extension script in it ${Math.max(0, ...extTasks).toFixed(1)} ms (promise continuations carry no script URL, so this undercounts)`,
      );
      await cdp.detach();
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(
        `${words} words:\n  ${rows.join("\n  ")}\n  median start → painted ${median(painted)?.toFixed(0)} ms; long tasks with the extension: [${withExt.join(", ")}] ms; baseline: [${base.join(", ")}] ms`,
      );
      expect(painted.length).toBe(5);
    },
  );
});
