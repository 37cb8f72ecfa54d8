// The background's analysis service: have a page's HTML analysed for its content script (by the analysis bundle,
// loaded only then: engine.ts), keep the cards and sidebar of the analysed pages (in memory and in
// storage.session, which outlives a sleeping service worker, never the browser session), and inject content.js
// where status.js found an article page on a publisher's site.
import browser from "webextension-polyfill";
import { declaredSites, onAnySite } from "../model/recognition";
import {
  CORRECTIONS_KEY,
  type Corrections,
  isCorrection,
  storedCorrections,
  withAddress,
} from "./corrections";
import type * as Engine from "./engine";
import { withLocalIndex } from "./local-index";
import {
  ANALYSED_PREFIX,
  type AnalysedViews,
  type AnalyseInjectRequest,
  type AnalyseJob,
  type AnalysePartRequest,
  type AnalyseRequest,
  type AnalyseResult,
  analysedId,
  isAnalysisRequest,
  MAX_ANALYSE_HTML,
  OFFSCREEN_ANALYSE,
} from "./types";

// ---- Where the analysis runs ----------------------------------------------------------------------------------
// Chrome: an offscreen document (the service worker has no DOM and cannot import()), created on the first analysis
// and closed after a minute without one. Firefox (no offscreen documents): the event page has a DOM and imports the
// analysis bundle, an ES module, on the first analysis.

const OFFSCREEN = "offscreen.html";
const IDLE_MS = 60_000;
let offscreenReady: Promise<void> | null = null;
let running = 0;
let idle: ReturnType<typeof setTimeout> | undefined;

/** The offscreen document, created once however many analyses ask at the same time (and found again when the
 *  service worker restarted while it stayed open). */
function offscreenDocument(): Promise<void> {
  offscreenReady ??= (async () => {
    const open = await chrome.runtime.getContexts({
      contextTypes: ["OFFSCREEN_DOCUMENT" as chrome.runtime.ContextType],
      documentUrls: [chrome.runtime.getURL(OFFSCREEN)],
    });
    if (open.length) return;
    await chrome.offscreen.createDocument({
      url: OFFSCREEN,
      reasons: ["DOM_PARSER" as chrome.offscreen.Reason],
      justification: "Parse a news page's HTML to find its article and who is quoted in it.",
    });
  })().catch((e: unknown) => {
    offscreenReady = null;
    throw e;
  });
  return offscreenReady;
}

function closeWhenIdle(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (running) return;
    offscreenReady = null;
    chrome.offscreen.closeDocument().catch(() => undefined);
  }, IDLE_MS);
}

async function inOffscreen(job: AnalyseJob): Promise<AnalyseResult> {
  running++;
  try {
    await offscreenDocument();
    const result = (await chrome.runtime.sendMessage({ type: OFFSCREEN_ANALYSE, job })) as
      | AnalyseResult
      | undefined;
    return result ?? { reply: { ok: false, reason: "the analysis did not answer" } };
  } finally {
    running--;
    closeWhenIdle();
  }
}

let engine: Promise<typeof Engine> | null = null;
function loadEngine(): Promise<typeof Engine> {
  // The build leaves this import() to the browser (external), which loads the extension's analysis.js as a module;
  // tsconfig.json's "paths" give it engine.ts's types.
  engine ??= import("/analysis.js");
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
const inEventPage = (job: AnalyseJob): Promise<AnalyseResult> => loadEngine().then((e) => e.analyse(job));

/** Compiled in by build.mjs: true in Chrome's background.js, false in Firefox's (which then holds no offscreen
 *  call, an API Firefox does not have). Read only when an analysis runs. */
declare const __OFFSCREEN__: boolean;

/** An analysis is coming (content.js is being injected to send one): load the analysis meanwhile. */
function prepare(): void {
  if (__OFFSCREEN__) offscreenDocument().then(closeWhenIdle, () => undefined);
  else loadEngine().catch(() => undefined);
}

const analyse = (job: AnalyseJob): Promise<AnalyseResult> =>
  (__OFFSCREEN__ ? inOffscreen(job) : inEventPage(job)).catch((e: unknown) => ({
    reply: { ok: false, reason: `analysis failed: ${String(e)}` },
  }));

const views = new Map<string, AnalysedViews>();
const session = (browser.storage as unknown as { session?: browser.Storage.StorageArea }).session;
const KEEP = 20;

async function viewsOf(articleId: string): Promise<AnalysedViews | null> {
  const v = views.get(articleId);
  if (v) return v;
  const stored = (await session?.get(`analysed:${articleId}`).catch(() => ({}))) as
    | Record<string, AnalysedViews>
    | undefined;
  return stored?.[`analysed:${articleId}`] ?? null;
}

async function keep(articleId: string, v: AnalysedViews): Promise<void> {
  views.delete(articleId);
  views.set(articleId, v);
  for (const k of views.keys()) if (views.size > KEEP) views.delete(k);
  await session?.set({ [`analysed:${articleId}`]: v }).catch(() => undefined);
}

/** The publishers' hosts (the sites content scripts are declared on, archives left out). */
function publisherHost(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return onAnySite(host, declaredSites(browser.runtime.getManifest()));
}

/** The parts of a big page's HTML received so far, by tab and frame: one page's at a time (a new key replaces
 *  them), never more than MAX_ANALYSE_HTML characters. */
const parts = new Map<string, { key: string; html: string[]; length: number }>();

async function handle(
  m: AnalyseRequest | AnalysePartRequest | AnalyseInjectRequest,
  sender: browser.Runtime.MessageSender,
) {
  const from = `${sender.tab?.id}:${sender.frameId ?? 0}`;
  if (m.type === "analyse-part") {
    const held = parts.get(from);
    const p = held?.key === m.key ? held : { key: m.key, html: [], length: 0 };
    if (p.length + m.html.length > MAX_ANALYSE_HTML) {
      parts.delete(from);
      return false;
    }
    p.html.push(m.html);
    p.length += m.html.length;
    parts.set(from, p);
    return true;
  }
  if (m.type === "analyse-inject") {
    // status.js on a publisher's page that looks like an article: the page gets content.js, which analyses it.
    const tabId = sender.tab?.id;
    if (tabId === undefined || !publisherHost(sender.url)) return false;
    prepare();
    return browser.scripting
      .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ["content.js"] })
      .then(
        () => true,
        () => false,
      );
  }
  const stored = (await browser.storage.local.get(CORRECTIONS_KEY).catch(() => ({}))) as {
    corrections?: Corrections;
  };
  let html = m.html;
  if (m.key !== undefined) {
    const held = parts.get(from);
    parts.delete(from);
    if (held?.key !== m.key) return { ok: false, reason: "the page's HTML did not arrive whole" };
    html = (held.html.join("") + m.html).slice(0, MAX_ANALYSE_HTML);
  }
  const pageId = analysedId(m.url);
  // Corrections kept before they had their page's address (decision 0009) get it now, once: the export needs it.
  const stamped = withAddress(storedCorrections(stored.corrections), pageId, m.url);
  if (stamped) await browser.storage.local.set({ [CORRECTIONS_KEY]: stamped }).catch(() => undefined);
  const { reply, views: v } = await analyse({
    html,
    url: m.url,
    // Storage is ours, but a value of another version or a hand edit must not break the analysis: skip it.
    corrections: Object.fromEntries(
      Object.entries(stored.corrections?.[pageId] ?? {}).filter(([, c]) => isCorrection(c)),
    ),
  });
  if (reply.ok && v) {
    await withLocalIndex(m.url, reply, v);
    await keep(reply.payload.article.id, v);
  }
  return reply;
}

/**
 * The analysis's messages, and the card and sidebar requests of analysed pages (ids "page-…"); undefined for any
 * other message, which the background's own handler takes.
 */
export function analysisMessage(
  message: unknown,
  sender: browser.Runtime.MessageSender,
): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (isAnalysisRequest(message)) {
    if (!sender.tab) return undefined; // content scripts only
    return handle(message, sender);
  }
  const m = message as { type?: unknown; articleId?: unknown; targetId?: unknown } | null;
  if (typeof m?.articleId !== "string" || !m.articleId.startsWith(ANALYSED_PREFIX)) return undefined;
  const id = m.articleId;
  if (m.type === "card" && typeof m.targetId === "string")
    return viewsOf(id).then((v) => v?.cards[m.targetId as string] ?? null);
  if (m.type === "sidebar-view") return viewsOf(id).then((v) => v?.sidebar ?? null);
  return undefined;
}
