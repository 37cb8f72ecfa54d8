// The content script's first part, on every page of the declared sites: answer `status`, recognise the page —
// by its address, else by a bounded sample of its text — and, only on a known article, load the article part
// (article.ts). On any other page that is all it does. It reads no layout and never touches the page's DOM text.
import {
  type ContentRequest,
  isContentRequest,
  type RecogniseSampleReply,
  type RecogniseUrlReply,
  type Status,
  visibilityFor,
} from "../messages";
import { MAX_PAGE_CHARS, pageSample } from "../recognition/index";
import { api } from "./api";
import type { ArticleHandle } from "./article";

const REANCHOR_DEBOUNCE_MS = 300;
/** A page that never stops mutating (a ticker) must not postpone the re-run forever: it runs this long after the
 *  first change at the latest — or ten times the last anchoring pass, on a page that is slow to anchor. */
const REANCHOR_MAX_WAIT_MS = 1000;
/** Text added by the page since the last look that makes it worth recognising again (late-loading articles). */
const RECHECK_CHARS = 500;
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "TEXTAREA"]);

declare global {
  interface Window {
    __sourceAnnotatorLoaded?: boolean;
  }
}

const STARTED = performance.now();
const timings: NonNullable<Status["timings"]> = {};
const status: Status = {
  timings,
  articleId: null,
  matchedBy: null,
  score: 0,
  anchored: 0,
  orphaned: [],
  highlightsVisible: false,
};
let article: ArticleHandle | null = null;
/** This page of the publisher's site cannot be the article (its address says so): nothing more to do here. */
let skipText = false;

function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  reply: (r: unknown) => void,
): undefined {
  // Only our own extension talks to us: pages cannot reach runtime.onMessage, and other extensions have other ids.
  if (sender.id !== api.runtime.id || !isContentRequest(message)) return undefined;
  const m: ContentRequest = message;
  if (m.type === "status")
    reply({
      ...status,
      visibility: visibilityFor(undefined, location.hostname),
      ...article?.status(),
      host: location.hostname,
    });
  else article?.onMessage(m, reply);
  return undefined;
}

async function send<T>(message: unknown): Promise<T | null> {
  try {
    return (await api.runtime.sendMessage(message)) as T;
  } catch {
    return null; // the extension was reloaded or is shutting down: this page keeps working as it was
  }
}

/**
 * The page's text, up to MAX_PAGE_CHARS: text nodes in document order, scripts and styles left out, stopping
 * early on a huge page instead of building its whole text (no layout is read).
 */
function pageText(): { text: string; truncated: boolean } | null {
  const body = document.body;
  if (!body) return null;
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) =>
      n.nodeType === 1
        ? SKIP.has((n as Element).tagName.toUpperCase())
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n as Text).data;
    parts.push(t);
    length += t.length + 1;
    if (length > MAX_PAGE_CHARS) return { text: parts.join(" "), truncated: true };
  }
  return { text: parts.join(" "), truncated: false };
}

async function recognise(): Promise<void> {
  const byUrl = await send<RecogniseUrlReply>({ type: "recognise-url", url: location.href });
  if (!byUrl) return;
  if ("skipText" in byUrl) {
    skipText = true;
    return;
  }
  if (!("sampleParams" in byUrl)) {
    Object.assign(status, { articleId: byUrl.articleId, matchedBy: "url", score: 1 });
    return;
  }
  const page = pageText();
  if (page === null) {
    status.note = "no body";
    return;
  }
  if (page.truncated)
    status.note = `page text over ${MAX_PAGE_CHARS} characters: only the beginning was compared`;
  const reply = await send<RecogniseSampleReply>({
    type: "recognise-sample",
    sample: pageSample(page.text, byUrl.sampleParams),
  });
  if (!reply) return;
  status.score = reply.score;
  if (reply.articleId) Object.assign(status, { articleId: reply.articleId, matchedBy: "fingerprint" });
}

async function start(): Promise<void> {
  if (!status.articleId) await recognise();
  if (!status.articleId || article) return;
  timings.recognisedMs = performance.now() - STARTED;
  // `chrome.runtime.getURL` spelled out: addons-linter accepts it (and `browser.runtime.getURL`) as the
  // sanitiser of a dynamic import's URL; both browsers have `chrome` in content scripts.
  const mod = (await import(chrome.runtime.getURL("article.js"))) as typeof import("./article");
  timings.loadedMs = performance.now() - STARTED;
  article = await mod.startArticle({ status, timings, started: STARTED, send });
}

/**
 * Late and changing content: on an article, anchor again after the page settles (debounced); elsewhere,
 * recognise again only once enough text has arrived, so a page that keeps mutating costs next to nothing.
 */
function watch(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = 0; // when the first change not yet handled came
  let added = 0;
  let running = false;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if ((r.target as Element).closest?.("[data-sa-ignore]")) continue;
      for (const n of r.addedNodes)
        added +=
          n.nodeType === 3
            ? (n as Text).length
            : n.nodeType === 1 && !SKIP.has((n as Element).tagName)
              ? Math.min(RECHECK_CHARS, n.textContent?.length ?? 0)
              : 0;
      if (r.type === "characterData") added += 1;
    }
    if (!article && added < RECHECK_CHARS) return;
    const now = performance.now();
    const maxWait = Math.max(REANCHOR_MAX_WAIT_MS, 10 * (timings.anchorMs ?? 0));
    if (timer === undefined) pending = now;
    else if (now - pending >= maxWait - REANCHOR_DEBOUNCE_MS) return; // the run already scheduled goes ahead
    clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = undefined;
      if (running) return;
      running = true;
      added = 0;
      try {
        if (article) article.reanchor();
        else await start();
      } finally {
        running = false;
      }
    }, REANCHOR_DEBOUNCE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

if (!window.__sourceAnnotatorLoaded) {
  window.__sourceAnnotatorLoaded = true;
  api.runtime.onMessage.addListener(onMessage);
  void start()
    .catch(() => undefined)
    .then(() => {
      status.ready = true;
      if (!skipText) watch();
    });
}
