// Measurement (docs/decisions/0008-any-article.md, "Loaded when an analysis runs"), Chromium: the time from a cold
// service-worker start to the first recognition reply. The worker is stopped (DevTools protocol,
// ServiceWorker.stopAllWorkers from an extension page), then an archive copy of a known article is loaded:
// its content script's recognition message starts
// the worker, which parses background.js before it can answer. Against the same load with the worker running.
// Run alone: npx vitest run test/e2e/cold-start-bench.test.ts (BENCH_DIST=dir to measure another build).
import type { Worker } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Status } from "../../src/model/protocol";
import { type ChromiumSession, getExtensionWorker, launchChromium } from "./browsers";
import { type FixtureServer, startFixtureServer } from "./fixture-server";
import { DIST } from "./helpers";

const RUNS = 7;
let server: FixtureServer;
let session: ChromiumSession;
beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchChromium({
    extensionDir: process.env.BENCH_DIST ?? DIST.chromeE2e,
    proxyPort: server.proxyPort,
  });
}, 60_000);
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

it("cold service worker → first recognition reply", { timeout: 180_000 }, async () => {
  // An archive copy of a known article: recognised by one message to the background (no site data file there).
  const url = server.routes.find((r) => r.expect && r.url.includes("web.archive.org/web/"))?.url as string;
  console.log(`page: ${url}`);
  const page = await session.context.newPage();
  const { extensionId } = await getExtensionWorker(session.context);
  const probe = await session.context.newCDPSession(page);
  const workerTargets = async () =>
    (await probe.send("Target.getTargets")).targetInfos.filter(
      (t) => t.type === "service_worker" && t.url.startsWith("chrome-extension:"),
    );
  const worker = async (): Promise<Worker> => (await getExtensionWorker(session.context)).worker;
  const recognised = async (w: Worker): Promise<number> => {
    await page.bringToFront();
    const tabId = await w.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
    );
    let s: Status | null = null;
    await expect
      .poll(
        async () => {
          s = (await w
            .evaluate((id) => chrome.tabs.sendMessage(id, { type: "status" }), tabId)
            .catch(() => null)) as Status | null;
          return Boolean(s?.timings?.recognisedMs);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    return (s as unknown as Status).timings?.recognisedMs as number;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto("about:blank");
    // An extension page's DevTools session sees the extension origin's service workers.
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send("ServiceWorker.enable");
    await page.waitForTimeout(500); // the options page's own messages to the worker are answered
    await expect
      .poll(
        async () => {
          await cdp.send("ServiceWorker.stopAllWorkers");
          await page.waitForTimeout(300);
          return (await workerTargets()).length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(0);
    await cdp.detach();
    await page.goto("about:blank");
    await page.waitForTimeout(500);
    expect(await workerTargets()).toEqual([]);
    await page.goto(url);
    cold.push(await recognised(await worker()));
    await page.goto(url); // the worker is running now
    warm.push(await recognised(await worker()));
  }
  console.log(
    `content.js start → recognition reply, cold worker: median ${median(cold).toFixed(0)} ms [${cold.map((x) => x.toFixed(0)).join(", ")}]; warm: median ${median(warm).toFixed(0)} ms [${warm.map((x) => x.toFixed(0)).join(", ")}]`,
  );
  expect(cold.length).toBe(RUNS);
});
