// One small driver per browser, so the same end-to-end tests run in Chromium (playwright-core) and Firefox
// (puppeteer-core over WebDriver BiDi). A driver opens pages, asks a tab's content script for its status
// through an extension page, reads the page's CSS highlights, and drives the popup. A reader's actions go through
// the browser's own input pipeline (trusted events: CDP Input.* in Chromium, WebDriver BiDi input.performActions in
// Firefox) at a person's pace: the pointer moves in steps, rests before it presses, and tests pause between steps.
import type { Page as PwPage, Worker } from "playwright-core";
import type { ElementHandle, Browser as PpBrowser, Frame as PpFrame, Page as PpPage } from "puppeteer-core";
import type { Status } from "../../src/model/protocol";
import { mulberry32 } from "../robustness/prng";
import { type ChromiumSession, getExtensionWorker, launchChromium, launchFirefox } from "./browsers";
import { DIST, type Highlights, highlightsInPage } from "./helpers";

/** A box in the viewport of the tab's top-level page, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Point = { x: number; y: number };

/**
 * Something a reader sees on screen:
 * - `text`: a passage of the page's text (whitespace and curly quotes compared loosely); `prefix`/`suffix` (a
 *   TextQuote selector's context) pick the occurrence, else the first one;
 * - `ui`: an element of the extension's own UI in the page (a CSS selector in its closed shadow root, found
 *   through the e2e builds' hook);
 * - `page`: an element of the page (CSS selector);
 * - `frame` + `selector`: an element inside the extension's frame whose URL contains `frame` (the sidebar).
 * With `withText`, the first element matching the selector whose text contains it.
 */
export type Spot =
  | { text: string; prefix?: string; suffix?: string }
  | { ui: string; withText?: string }
  | { page: string; withText?: string }
  | { frame: string; selector: string; withText?: string };

export interface Tab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The content script's status once it is ready (null: no content script). */
  status(timeoutMs?: number): Promise<Status | null>;
  highlights(): Promise<Highlights>;
  evaluate<T>(fn: () => T): Promise<T>;
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T>;
  /** Evaluate in the first frame whose URL contains `match` (the sidebar). */
  inFrame<A, T>(match: string, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Send a message to this tab's content script, as an extension page would. */
  message(m: unknown): Promise<unknown>;
  /** Press a key (or "Control+Enter") in the focused element of the page or of its focused frame (real key events). */
  press(key: string): Promise<void>;
  /** Type text into the focused element, as a person would (real key events, one after another). */
  type(text: string): Promise<void>;
  /**
   * Where a spot is on screen: its boxes in the viewport (a passage: one per line), scrolled into view first if
   * it was not; [] when it is not there. The one place that finds coordinates (see `locate` below).
   */
  locate(spot: Spot): Promise<Box[]>;
  /** Move the pointer to a point in steps, as a hand does (trusted pointer moves). */
  moveTo(p: Point, steps?: number): Promise<void>;
  /** Move the pointer onto a spot (the middle of its first box) and leave it there; the point it rests on. */
  hover(spot: Spot): Promise<Point>;
  /** Move to a spot or point in steps, rest a moment, press and release the primary button. */
  click(target: Spot | Point): Promise<void>;
  /**
   * Turn the mouse wheel over the pointer's place: `deltaY` pixels (down when positive) in notches of 100, a
   * person's pace between them (trusted wheel events).
   */
  wheel(deltaY: number): Promise<void>;
  /** Select a passage of the page's text with the mouse: press before its first letter, drag, release after its last. */
  select(spot: Spot & { text: string }): Promise<void>;
  /** A person's pause between two actions (seeded; default 300-450 ms). */
  pause(minMs?: number, maxMs?: number): Promise<void>;
  /** Choose a file from disk in the file input matched by `selector` (as a person would in the dialog). */
  upload(selector: string, file: string): Promise<void>;
  /** The whole page, or (`viewport`) what is on screen. */
  screenshot(path: string, viewport?: boolean): Promise<void>;
  close(): Promise<void>;
  errors: string[];
}

export interface Popup {
  summary(): Promise<string>;
  click(testId: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  name: "chromium" | "firefox";
  newTab(): Promise<Tab>;
  /** An extension page (path relative to the extension's root, e.g. "notes.html") in a tab of its own. */
  openExtensionPage(path: string): Promise<Tab>;
  /** The popup, opened on a tab of its own, for the given tab. */
  popupFor(tab: Tab): Promise<Popup>;
  /** Run a keyboard command through the background's handler (headless browsers do not deliver shortcuts). */
  command(name: string): Promise<void>;
  /** The tab that `action` (a click on a link with target=_blank, say) opens, once its address is known. */
  tabOpenedBy(action: () => Promise<void>): Promise<Tab & { url(): string }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll(get: () => Promise<Status | null>, timeoutMs: number): Promise<Status | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await get();
    if (s?.ready || Date.now() > until) return s;
    await sleep(100);
  }
}

// ---- a person's input ---------------------------------------------------------------------------------

/** The same pauses and paths on every run unless E2E_SEED says (mulberry32, as the robustness tests use). */
const random = mulberry32(Number(process.env.E2E_SEED ?? 14));
const between = (min: number, max: number) => min + (max - min) * random();

/** A person's pause between two actions. */
export const pause = async (minMs = 300, maxMs = 450): Promise<void> => {
  await sleep(Math.round(between(minMs, maxMs)));
};

/** What a driver's mouse can do: a move to a point (whole CSS pixels), press and release the primary button. */
interface RawMouse {
  move(x: number, y: number): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** The notches of a wheel turn of `deltaY` pixels, each after a person's short pause. */
async function turnWheel(deltaY: number, notch: (dy: number) => Promise<void>): Promise<void> {
  const step = Math.sign(deltaY) * 100;
  for (let done = 0; step !== 0 && Math.abs(done) < Math.abs(deltaY); done += step) {
    await notch(step);
    await sleep(Math.round(between(40, 90)));
  }
}

/** Between two keys typed. */
const TYPING_MS = 12;

const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Runs in the page's main world: the viewport boxes of a spot (not `frame`), scrolled into view if needed. */
function boxesInPage(spot: Spot): Box[] {
  const toBoxes = (rects: DOMRect[]) =>
    rects
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
  const inView = (r: DOMRect | undefined) => r && r.top >= 8 && r.bottom <= window.innerHeight - 8;
  if ("text" in spot) {
    // The page's text, whitespace runs as one space and curly quotes as straight ones, each character mapped back
    // to its text node.
    const loose = (t: string) => t.replace(/\s+/g, " ").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    let flat = "";
    const at: [Text, number][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(n.parentElement?.tagName ?? "")) continue;
      const data = n.data;
      for (let i = 0; i < data.length; i++) {
        const c = loose(data[i] as string);
        if (c === " " && flat.endsWith(" ")) continue;
        flat += c;
        at.push([n, i]);
      }
    }
    const exact = loose(spot.text);
    const withContext = loose(`${spot.prefix ?? ""}${spot.text}${spot.suffix ?? ""}`);
    let start = spot.prefix || spot.suffix ? flat.indexOf(withContext) : -1;
    if (start >= 0) start += loose(spot.prefix ?? "").length;
    else start = flat.indexOf(exact);
    const first = at[start];
    const last = at[start + exact.length - 1];
    if (start < 0 || !first || !last) return [];
    const range = document.createRange();
    range.setStart(first[0], first[1]);
    range.setEnd(last[0], last[1] + 1);
    if (!inView(range.getClientRects()[0]))
      first[0].parentElement?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
    return toBoxes([...range.getClientRects()]);
  }
  const el = [...("page" in spot ? document.querySelectorAll(spot.page) : [])].find(
    (e) => !spot.withText || e.textContent?.includes(spot.withText),
  );
  if (!el) return [];
  // "nearest" scrolls nothing when it is in view, and also scrolls the box it is in.
  el.scrollIntoView({ block: "nearest", behavior: "instant" as ScrollBehavior });
  // One box per line of an inline element (a link over two lines has a hole in the middle of its bounding box).
  return toBoxes([...el.getClientRects()]);
}

/** Runs in a frame: the box of an element, scrolled into the frame's view if needed. */
function boxInFrame({ selector, withText }: { selector: string; withText?: string }): Box | null {
  const el = [...document.querySelectorAll(selector)].find(
    (e) => !withText || e.textContent?.includes(withText),
  );
  if (!el) return null;
  const r0 = el.getBoundingClientRect();
  if (r0.top < 0 || r0.bottom > window.innerHeight)
    el.scrollIntoView({ block: "nearest", behavior: "instant" as ScrollBehavior });
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

/**
 * THE coordinate lookup of the end-to-end tests: every trusted click, hover and selection finds its point here.
 * Page text and elements are read by the page's main world; our UI sits in a closed shadow root, so its boxes
 * (and the sidebar frame's place) come from the e2e builds' hook; a frame's element is its box in the frame plus
 * the frame's place.
 */
async function locate(tab: Pick<Tab, "evaluateWith" | "inFrame" | "message">, spot: Spot): Promise<Box[]> {
  // Our UI's shadow root is closed to every page script: its boxes come from the e2e builds' hook.
  if ("ui" in spot)
    return ((await tab.message({ type: "e2e-boxes", selector: spot.ui, withText: spot.withText })) ??
      []) as Box[];
  if (!("frame" in spot)) return tab.evaluateWith(boxesInPage, spot);
  const [frame] = ((await tab.message({ type: "e2e-boxes", selector: "iframe.sidebar" })) ?? []) as Box[];
  const origin = frame ? { x: frame.x, y: frame.y } : null;
  if (!origin) return [];
  const box = await tab.inFrame(spot.frame, boxInFrame, { selector: spot.selector, withText: spot.withText });
  return box ? [{ ...box, x: box.x + origin.x, y: box.y + origin.y }] : [];
}

/**
 * A step that should take milliseconds, given 30 s: a browser that stops answering (seen once in a while with
 * Chromium and the sidebar frame, never reproduced on its own) fails the test with the step's name, not a silent
 * 180 s timeout.
 */
function deadline<T>(what: string, step: Promise<T>, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}

/** A person's hand on the mouse: moves in steps along a slightly bent path, rests before pressing. */
function hand(tab: Pick<Tab, "locate">, raw: RawMouse) {
  const mouse: RawMouse = {
    move: (x, y) => deadline(`pointer move to ${x},${y}`, raw.move(x, y)),
    down: () => deadline("button press", raw.down()),
    // A click that removes the frame it lands in (the sidebar's close button) can leave Chromium's answer to the
    // release pending for good (Input.dispatchMouseEvent never returns, about one run in three of a11y.test.ts; the
    // next input works). The release was delivered: after 1.5 s without an answer the hand moves on, and the test
    // checks what the click did.
    up: () => deadline("button release", raw.up(), 1500).catch(() => undefined),
  };
  let at: Point = { x: 0, y: 0 };
  const moveTo = async (to: Point, steps?: number) => {
    const from = at;
    // A long way in more steps than a short one (about 40 px a step, 2 to 10 steps).
    steps ??= Math.min(10, Math.max(2, Math.round(Math.hypot(to.x - from.x, to.y - from.y) / 40)));
    const bend = between(-12, 12); // not a ruler-straight line
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const off = i < steps ? Math.sin(Math.PI * t) * bend : 0;
      await mouse.move(
        Math.round(from.x + (to.x - from.x) * t + off),
        Math.round(from.y + (to.y - from.y) * t - off / 2),
      );
    }
    at = { x: Math.round(to.x), y: Math.round(to.y) };
  };
  /** A spot's boxes once it is on screen: a person waits for a button to appear before clicking it. Our UI comes
   *  with the reader's first input on the page (session.ts): a hand reaching for it moves the pointer first. */
  const boxesOf = async (spot: Spot, waitMs = 5000): Promise<Box[]> => {
    for (let until = Date.now() + waitMs, reached = false; ; await sleep(100)) {
      const boxes = await deadline(`where is ${JSON.stringify(spot)}`, tab.locate(spot));
      if (boxes.length) return boxes;
      if ("ui" in spot && !reached) {
        reached = true;
        await moveTo({ x: Math.max(10, at.x - 40), y: Math.max(10, at.y - 30) }); // inward: never off the page
        until = Date.now() + waitMs;
      }
      if (Date.now() > until) throw new Error(`not on screen: ${JSON.stringify(spot)}`);
    }
  };
  const pointOf = async (target: Spot | Point): Promise<Point> =>
    "x" in target ? target : centre((await boxesOf(target))[0] as Box);
  return {
    moveTo,
    hover: async (spot: Spot) => {
      const p = await pointOf(spot);
      await moveTo(p);
      return p;
    },
    click: async (target: Spot | Point) => {
      await moveTo(await pointOf(target));
      await sleep(Math.round(between(40, 90)));
      await mouse.down();
      await sleep(Math.round(between(25, 55)));
      await mouse.up();
    },
    select: async (spot: Spot & { text: string }) => {
      const boxes = await boxesOf(spot);
      const first = boxes[0] as Box;
      const last = boxes[boxes.length - 1] as Box;
      // Just inside the first and the last letter: the caret snaps to the nearer edge, the passage's own. A person
      // aims, rests a moment on the first letter, then drags.
      await moveTo({ x: first.x + 1, y: first.y + first.height / 2 });
      await sleep(Math.round(between(400, 550)));
      await mouse.down();
      await moveTo({ x: last.x + last.width - 1, y: last.y + last.height / 2 }, 14); // a drag is slower
      await sleep(Math.round(between(60, 120)));
      await mouse.up();
    },
  };
}

/** A button of an extension page (the popup), as a person clicks it: a pause, the pointer moved there in steps. */
async function readerClick(page: Pick<Tab, "pause" | "click">, testId: string): Promise<void> {
  await page.pause();
  await page.click({ page: `[data-testid="${testId}"]` });
}

// ---- Chromium ------------------------------------------------------------------------------------------

export async function chromiumDriver(
  extensionDir: string,
  proxyPort: number,
  userDataDir?: string,
): Promise<Driver> {
  const session: ChromiumSession = await launchChromium({ extensionDir, proxyPort, userDataDir });
  const { worker, extensionId } = await getExtensionWorker(session.context);
  const tabIdOf = async (p: PwPage) => {
    await p.bringToFront();
    return worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
    );
  };
  const statusOf = (w: Worker, id: number) =>
    w.evaluate(async (tabId) => chrome.tabs.sendMessage(tabId, { type: "status" }).catch(() => null), id);
  const wrap = (p: PwPage): Tab & { page: PwPage } => {
    const errors: string[] = [];
    p.on("pageerror", (e) => errors.push(`${p.url()}: ${e.message}`));
    // Trusted input over the DevTools protocol (Input.dispatchMouseEvent / Input.dispatchKeyEvent).
    const mouse = hand({ locate: (spot) => tab.locate(spot) }, p.mouse);
    const tab: Tab & { page: PwPage } = {
      page: p,
      errors,
      goto: async (url: string) => void (await p.goto(url)),
      reload: async () => void (await p.reload()),
      status: async (timeoutMs = 10_000) => {
        const id = await tabIdOf(p);
        return poll(() => statusOf(worker, id) as Promise<Status | null>, timeoutMs);
      },
      highlights: () => p.evaluate(highlightsInPage),
      evaluate: (fn) => p.evaluate(fn),
      evaluateWith: <A, T>(fn: (arg: A) => T, arg: A) => p.evaluate(fn as (a: unknown) => T, arg),
      inFrame: async <A, T>(match: string, fn: (arg: A) => T | Promise<T>, arg: A) => {
        for (const until = Date.now() + 10_000; ; await sleep(100)) {
          const f = p.frames().find((x) => x.url().includes(match));
          if (f) return f.evaluate(fn as (a: unknown) => T | Promise<T>, arg);
          if (Date.now() > until) throw new Error(`no frame ${match}`);
        }
      },
      message: async (m) => {
        const id = await tabIdOf(p);
        return worker.evaluate(([tabId, msg]) => chrome.tabs.sendMessage(tabId as number, msg), [
          id,
          m,
        ] as const);
      },
      // Held, then released in turn. A key that removes the frame it lands in (Escape closing the sidebar) can leave
      // Chromium's answer to the release pending for good, as with the mouse button (see hand()): once in a CI run
      // the test then waited its 180 s out. The release was delivered: after 1.5 s the hand moves on.
      press: async (combo) => {
        const keys = combo.split("+");
        for (const k of keys) await deadline(`key ${k} down`, p.keyboard.down(k));
        for (const k of keys.reverse())
          await deadline(`key ${k} up`, p.keyboard.up(k), 1500).catch(() => undefined);
      },
      type: (text) => p.keyboard.type(text, { delay: TYPING_MS }),
      locate: (spot) => locate(tab, spot),
      ...mouse,
      wheel: (deltaY) => turnWheel(deltaY, (dy) => p.mouse.wheel(0, dy)),
      pause,
      upload: (selector, file) => p.setInputFiles(selector, file),
      screenshot: async (path, viewport) => void (await p.screenshot({ path, fullPage: !viewport })),
      close: () => p.close(),
    };
    return tab;
  };
  const openExtensionPage = async (path: string) => {
    const p = await session.context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${path}`);
    return wrap(p);
  };
  return {
    name: "chromium",
    newTab: async () => wrap(await session.context.newPage()),
    tabOpenedBy: async (action) => {
      const [p] = await Promise.all([session.context.waitForEvent("page"), action()]);
      await p.waitForURL((u) => u.protocol !== "about:");
      return Object.assign(wrap(p), { url: () => p.url() });
    },
    openExtensionPage,
    popupFor: async (tab) => {
      const id = await tabIdOf((tab as Tab & { page: PwPage }).page);
      const popup = await openExtensionPage(`popup.html?tab=${id}`);
      const p = popup.page;
      return {
        summary: async () => (await p.getByTestId("summary").textContent()) ?? "",
        click: (testId) => readerClick(popup, testId),
        screenshot: async (path) => void (await p.screenshot({ path })),
        close: () => p.close(),
      };
    },
    command: (name) =>
      worker.evaluate(
        (c) =>
          (
            self as unknown as { sourceAnnotator: { command(c: string): Promise<void> } }
          ).sourceAnnotator.command(c),
        name,
      ),
    close: () => session.close(),
  };
}

// ---- Firefox -------------------------------------------------------------------------------------------

/**
 * Firefox: a WebDriver BiDi client may not navigate to moz-extension:// URLs, so the end-to-end build
 * (dist/firefox-e2e) opens one extension page at install; the driver works from it and opens the popup from it.
 */
export async function firefoxDriver(
  extensionDir: string,
  proxyPort: number,
  profileDir?: string,
): Promise<Driver> {
  const session = await launchFirefox({ extensionDir, proxyPort, profileDir });
  const browser: PpBrowser = session.browser;
  // Extension pages are listed with the URL about:blank; their own location (and, given `tabId`, their tab)
  // says what they are.
  const extensionPage = async (match: string, tabId?: number, waitMs = 15_000): Promise<PpPage> => {
    for (const until = Date.now() + waitMs; Date.now() < until; await sleep(200)) {
      for (const p of await browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => "");
        if (!href.startsWith("moz-extension://") || !href.includes(match)) continue;
        if (tabId === undefined) return p;
        const own = await p
          .evaluate(
            async () =>
              (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.getCurrent())?.id,
          )
          .catch(() => undefined);
        if (own === tabId) return p;
      }
    }
    throw new Error(`no extension page ${match}`);
  };
  // Opened when the background starts; on a restarted profile Firefox may start it late on a busy machine (CI
  // once waited more than 15 s).
  const probe = await extensionPage("options.html?e2e", undefined, 45_000);
  const tabIdOf = async (p: PpPage) => {
    await p.bringToFront();
    return probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id as number;
    });
  };
  const statusOf = (id: number) =>
    probe.evaluate(async (tabId) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return api.tabs.sendMessage(tabId, { type: "status" }).catch(() => null);
    }, id) as Promise<Status | null>;
  const wrap = (p: PpPage): Tab & { page: PpPage } => {
    const errors: string[] = [];
    p.on("pageerror", (e) => errors.push(`${p.url()}: ${(e as Error).message}`));
    // Trusted input over WebDriver BiDi (input.performActions), one pointer move per step in whole pixels (BiDi's
    // pointerMove takes integers, and puppeteer's own `steps` would send fractions).
    const mouse = hand(
      { locate: (spot) => tab.locate(spot) },
      { move: (x, y) => p.mouse.move(x, y), down: () => p.mouse.down(), up: () => p.mouse.up() },
    );
    const frames: PpFrame[] = [];
    const tab: Tab & { page: PpPage } = {
      page: p,
      errors,
      goto: async (url) => void (await p.goto(url)),
      reload: async () => void (await p.reload()),
      status: async (timeoutMs = 10_000) => {
        const id = await tabIdOf(p);
        return poll(() => statusOf(id), timeoutMs);
      },
      highlights: () => p.evaluate(highlightsInPage),
      evaluate: (fn) => p.evaluate(fn) as never,
      evaluateWith: (fn, arg) => p.evaluate(fn as never, arg) as never,
      inFrame: async <A, T>(match: string, fn: (arg: A) => T | Promise<T>, arg: A) => {
        for (const until = Date.now() + 10_000; ; await sleep(100)) {
          // The frame found last time first: asking every frame its address costs a round trip each.
          for (const f of [...frames.filter((x) => p.frames().includes(x)), ...p.frames()]) {
            const href = await f.evaluate(() => location.href).catch(() => "");
            if (!href.includes(match)) continue;
            frames.splice(0, frames.length, f);
            return f.evaluate(fn as never, arg) as Promise<T>;
          }
          if (Date.now() > until) throw new Error(`no frame ${match}`);
        }
      },
      message: async (m) => {
        const id = await tabIdOf(p);
        return probe.evaluate(
          async (tabId, msg) =>
            (globalThis as unknown as { browser: typeof chrome }).browser.tabs.sendMessage(tabId, msg),
          id,
          m as never,
        );
      },
      // Puppeteer presses one key; "Control+Enter" is held modifiers then the key.
      press: async (combo) => {
        const keys = combo.split("+") as never[];
        const key = keys.pop() as never;
        for (const k of keys) await p.keyboard.down(k);
        await p.keyboard.press(key);
        for (const k of keys.reverse()) await p.keyboard.up(k);
      },
      type: (text) => p.keyboard.type(text, { delay: TYPING_MS }),
      locate: (spot) => locate(tab, spot),
      ...mouse,
      wheel: (deltaY) => turnWheel(deltaY, (dy) => p.mouse.wheel({ deltaY: dy })),
      pause,
      upload: async (selector, file) => {
        const input = (await p.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(file);
      },
      screenshot: async (path, viewport) =>
        void (await p.screenshot({ path: path as `${string}.png`, fullPage: !viewport })),
      close: () => p.close(),
    };
    return tab;
  };
  /** The client may not navigate to the extension's pages: the probe page opens them with tabs.create. */
  const openExtensionPage = async (path: string) => {
    const tabId = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.create({ url })).id as number;
    }, path);
    // As long a wait as the probe's: CI once did not see a just-opened options page within 15 s.
    return wrap(await extensionPage(path, tabId, 45_000));
  };
  return {
    name: "firefox",
    newTab: async () => wrap(await browser.newPage()),
    tabOpenedBy: async (action) => {
      const before = new Set(await browser.pages());
      const opened = browser.waitForTarget(async (t) => {
        const pg = t.type() === "page" ? await t.page() : null;
        return Boolean(pg && !before.has(pg) && !t.url().startsWith("about:"));
      });
      await action();
      const p = (await (await opened).page()) as PpPage;
      return Object.assign(wrap(p), { url: () => p.url() });
    },
    openExtensionPage,
    popupFor: async (tab) => {
      const id = await tabIdOf((tab as Tab & { page: PpPage }).page);
      const popup = await openExtensionPage(`popup.html?tab=${id}`);
      const p = popup.page;
      const el = (testId: string) => p.waitForSelector(`[data-testid="${testId}"]`);
      return {
        summary: async () => (await (await el("summary"))?.evaluate((e) => e.textContent)) ?? "",
        click: (testId) => readerClick(popup, testId),
        screenshot: async (path) => void (await p.screenshot({ path: path as `${string}.png` })),
        close: () => p.close(),
      };
    },
    command: (name) =>
      probe.evaluate(async (c) => {
        const api = (
          globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }
        ).browser;
        const bg = (await api.runtime.getBackgroundPage()) as unknown as {
          sourceAnnotator: { command(c: string): Promise<void> };
        };
        await bg.sourceAnnotator.command(c);
      }, name),
    close: () => session.close(),
  };
}

/** Chromium and Firefox, each with the extension built for it, for `describe.each`: [name, launch]. */
export const bothBrowsers = (proxyPort: () => number) =>
  [
    ["chromium", () => chromiumDriver(DIST.chromeE2e, proxyPort())],
    ["firefox", () => firefoxDriver(DIST.firefoxE2e, proxyPort())],
  ] as const;
