// One small driver per browser, so the same end-to-end tests run in Chromium (playwright-core) and Firefox
// (puppeteer-core over WebDriver BiDi). A driver opens pages, asks a tab's content script for its status
// through an extension page, reads the page's CSS highlights, and drives the popup.
import type { Page as PwPage, Worker } from "playwright-core";
import type { ElementHandle, Browser as PpBrowser, Page as PpPage } from "puppeteer-core";
import type { Status } from "../../src/messages";
import { type ChromiumSession, getExtensionWorker, launchChromium, launchFirefox } from "./browsers";
import { DIST, type Highlights, highlightsInPage } from "./helpers";

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
  /** Press a key in the focused element of the page (or of its focused frame). */
  press(key: string): Promise<void>;
  /** Type text into the focused element, as a person would (real key events). */
  type(text: string): Promise<void>;
  /** Choose a file from disk in the file input matched by `selector` (as a person would in the dialog). */
  upload(selector: string, file: string): Promise<void>;
  screenshot(path: string): Promise<void>;
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
    return {
      page: p,
      errors,
      goto: async (url) => void (await p.goto(url)),
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
      press: (key) => p.keyboard.press(key),
      type: (text) => p.keyboard.type(text),
      upload: (selector, file) => p.setInputFiles(selector, file),
      screenshot: async (path) => void (await p.screenshot({ path, fullPage: true })),
      close: () => p.close(),
    };
  };
  const openExtensionPage = async (path: string) => {
    const p = await session.context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${path}`);
    return wrap(p);
  };
  return {
    name: "chromium",
    newTab: async () => wrap(await session.context.newPage()),
    openExtensionPage,
    popupFor: async (tab) => {
      const id = await tabIdOf((tab as Tab & { page: PwPage }).page);
      const { page: p } = await openExtensionPage(`popup.html?tab=${id}`);
      return {
        summary: async () => (await p.getByTestId("summary").textContent()) ?? "",
        click: (testId) => p.getByTestId(testId).click(),
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
    return {
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
          for (const f of p.frames()) {
            const href = await f.evaluate(() => location.href).catch(() => "");
            if (href.includes(match)) return f.evaluate(fn as never, arg) as Promise<T>;
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
      type: (text) => p.keyboard.type(text),
      upload: async (selector, file) => {
        const input = (await p.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(file);
      },
      screenshot: async (path) =>
        void (await p.screenshot({ path: path as `${string}.png`, fullPage: true })),
      close: () => p.close(),
    };
  };
  /** The client may not navigate to the extension's pages: the probe page opens them with tabs.create. */
  const openExtensionPage = async (path: string) => {
    const tabId = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.create({ url })).id as number;
    }, path);
    return wrap(await extensionPage(path, tabId));
  };
  return {
    name: "firefox",
    newTab: async () => wrap(await browser.newPage()),
    openExtensionPage,
    popupFor: async (tab) => {
      const id = await tabIdOf((tab as Tab & { page: PpPage }).page);
      const { page: p } = await openExtensionPage(`popup.html?tab=${id}`);
      const el = (testId: string) => p.waitForSelector(`[data-testid="${testId}"]`);
      return {
        summary: async () => (await (await el("summary"))?.evaluate((e) => e.textContent)) ?? "",
        click: async (testId) => void (await (await el(testId))?.click()),
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
    ["chromium", () => chromiumDriver(DIST.chrome, proxyPort())],
    ["firefox", () => firefoxDriver(DIST.firefoxE2e, proxyPort())],
  ] as const;
