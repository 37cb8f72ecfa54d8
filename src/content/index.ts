// content.js, on the pages of the declared sites where an article could be (see build.mjs): answer `status`,
// recognise the page — by its address, else by a bounded sample of its text — and, only on a known article,
// initialise the article part (article.ts, bundled in but run only then). On any other page that is all it does.
// It reads no layout and never touches the page's DOM text.
import {
  type ArticleStart,
  type ContentRequest,
  isContentRequest,
  notAnArticle,
  type RecogniseReply,
  type Status,
  visibilityFor,
} from "../messages";
import { MAX_PAGE_CHARS, pageSample } from "../recognition/index";
import { api } from "./api";
import type { ArticleHandle } from "./article";
import { articleRegion } from "./region";

const REANCHOR_DEBOUNCE_MS = 300;
/** A page that never stops mutating (a ticker) must not postpone the re-run forever: it runs this long after the
 *  first change at the latest — or ten times the last anchoring pass, on a page that is slow to anchor. */
const REANCHOR_MAX_WAIT_MS = 1000;
/** Text added by the page since the last look that makes it worth recognising again (late-loading articles). */
const RECHECK_CHARS = 500;
/** HTML elements whose text is not page text (an HTML document names them in capitals; SVG text is left out by
 *  its namespace in pageText). */
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"]);
const XHTML = "http://www.w3.org/1999/xhtml";

const STARTED = performance.now();
const timings: NonNullable<Status["timings"]> = {};
const status: Status = { ...notAnArticle(), timings };
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
 * The text of the page's article region (see region.ts), else of its body, up to MAX_PAGE_CHARS: text nodes in
 * document order, scripts, styles and SVG left out, stopping early on a huge page instead of building its whole
 * text (no layout is read). A plain text-node walk with the parent checked in the loop: no filter callback per node.
 */
function pageText(): { text: string; truncated: boolean } | null {
  const body = document.body;
  if (!body) return null;
  const root = articleRegion(document) ?? body;
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentNode as Element;
    if (SKIP.has(parent.nodeName) || parent.namespaceURI !== XHTML) continue;
    const t = (n as Text).data;
    parts.push(t);
    length += t.length + 1;
    if (length > MAX_PAGE_CHARS) return { text: parts.join(" "), truncated: true };
  }
  return { text: parts.join(" "), truncated: false };
}

/**
 * The address first; only if it settles nothing, the page's text is read and a sample of it sent (with the
 * sampling parameters the reply named). Reading the text while the first message is on its way was tried: it cost
 * a page that is not an article about twice the script time (measured in Chromium, CDP ScriptDuration) and bought
 * no measurable time to paint. On a match the reply carries what the article part needs to paint.
 */
async function recognise(): Promise<ArticleStart | null> {
  const url = location.href;
  let reply = await send<RecogniseReply>({ type: "recognise", url });
  if (reply && "sampleParams" in reply && reply.sampleParams) {
    const params = reply.sampleParams;
    const page = pageText();
    if (page === null) status.note = "no body";
    else if (page.truncated)
      status.note = `page text over ${MAX_PAGE_CHARS} characters: only the beginning was compared`;
    if (!page?.text) return null;
    reply = await send<RecogniseReply>({
      type: "recognise",
      url,
      sample: { ...params, hashes: pageSample(page.text, params) },
    });
  }
  if (!reply) return null;
  if ("skipText" in reply) {
    skipText = true;
    return null;
  }
  status.score = reply.score;
  if (!("start" in reply)) return null;
  Object.assign(status, { articleId: reply.articleId, matchedBy: reply.matchedBy });
  return reply.start;
}

async function start(): Promise<void> {
  if (article) return;
  const begin = await recognise();
  if (!begin) return;
  timings.recognisedMs = performance.now() - STARTED;
  const mod = await import("./article");
  timings.loadedMs = performance.now() - STARTED;
  article = await mod.startArticle({ status, timings, started: STARTED, send }, begin);
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
  // Injected where status.js answered so far (Analyse this page): this script answers from now on.
  if (window.__sourceAnnotatorIdle) api.runtime.onMessage.removeListener(window.__sourceAnnotatorIdle);
  api.runtime.onMessage.addListener(onMessage);
  void start()
    .catch(() => undefined)
    .then(() => {
      status.ready = true;
      if (!skipText) watch();
    });
}
