// content.js, on the pages of the declared sites where an article could be (see src/dataset/sites.ts): answer
// `status`, recognise the page — by its address, else by its text — and, only on a known article, initialise the
// article part (article.ts, bundled in but run only then). On a publisher's site the browser injects the site's
// data first and recognition needs no message; elsewhere (archives) the background recognises. On any other page
// that is all it does. It reads no layout and never touches the page's DOM text.

import { isContentRequest } from "../model/message-checks";
import { type ContentRequest, notAnArticle, type SampleParams, type Status } from "../model/protocol";
import { pagePayload, type SiteData, type SitePayload } from "../model/recognition";
import type { RecognisedArticle } from "../model/replies";
import { firstPaintVisibility, visibilityFor } from "../model/visibility";
import { MAX_PAGE_CHARS, pageSampleSteps, recogniseUrl, worthTextCheck } from "../recognition/index";
import { pageProbeText, probeScore } from "../recognition/probes";
import { readSettings } from "../shared/settings";
import { analyse, analysedStatus, bigChange, forgetAnalysis, shouldAnalyse } from "./analysed";
import { api } from "./api";
import { type ArticleHandle, type ArticleInputs, startArticle } from "./article";
import { callBackground } from "./call";
import { articleRegionText } from "./region";
import { runSliced, SLICE_MS, yieldToMain } from "./slices";
import { Timings } from "./timings";

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

declare const __E2E__: boolean;
/** Set (in this isolated world, which no page can reach) by the popup's "Analyse this page" and by the every-site
 *  opt-in's script before this one: the reader asked for this page, so an archive of any site is compared. */
const asked = (globalThis as { __sourceAnnotatorAsked?: boolean }).__sourceAnnotatorAsked === true;

const timings = new Timings(performance.now());
const status: Status = { ...notAnArticle(), ...(timings.record ? { timings: timings.record } : {}) };
let article: ArticleHandle | null = null;
/** This page of the publisher's site cannot be the article (its address says so): nothing more to do here. */
let skipText = false;

function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  reply: (r: unknown) => void,
): undefined {
  // Only our own extension talks to us: pages cannot reach runtime.onMessage, and other extensions have other ids.
  if (sender.id !== api.runtime.id) return undefined;
  // End-to-end builds only: where our closed UI's elements are, so the tests' driver can aim real clicks at them.
  const e2e = __E2E__ ? (message as { type?: unknown; selector?: string; withText?: string } | null) : null;
  if (e2e?.type === "e2e-boxes") {
    reply(article?.boxes(e2e.selector ?? "", e2e.withText) ?? []);
    return undefined;
  }
  if (e2e?.type === "e2e-ui") {
    reply(article?.ui() ?? null);
    return undefined;
  }
  if (!isContentRequest(message)) return undefined;
  const m: ContentRequest = message;
  if (m.type === "status")
    reply({
      ...status,
      visibility: visibilityFor(undefined, location.hostname),
      ...article?.status(),
      host: location.hostname,
      analysis: analysedStatus(),
    });
  else article?.onMessage(m, reply);
  return undefined;
}

/**
 * The text of the page's article region (see region.ts), else of its body, up to MAX_PAGE_CHARS (no layout is
 * read). Both are read by the browser's own textContent, one native call, where a walk in JavaScript pays on a
 * page's first run for setting up the bindings of every kind of element it meets; a script or
 * style among them adds words no article's probes contain, and words of adjacent blocks read apart by their
 * punctuation or capitals (see probeText). Only a body (without a region) whose text passes MAX_PAGE_CHARS is
 * walked text node by text node, scripts, styles and SVG left out (a news page's body can hold megabytes of
 * script data before the story), stopping early.
 */
function pageText(): { text: string; truncated: boolean } | null {
  const body = document.body;
  if (!body) return null;
  const region = articleRegionText(document)?.text;
  if (region !== undefined)
    return { text: region.slice(0, MAX_PAGE_CHARS), truncated: region.length > MAX_PAGE_CHARS };
  const all = body.textContent ?? "";
  if (all.length <= MAX_PAGE_CHARS) return { text: all, truncated: false };
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
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

declare global {
  /** Pushed by the site's data file, which the browser runs before this script (see src/dataset/sites.ts). Read from
   *  `globalThis`, where the data file puts it: in Firefox a content script's `window` is the page's window seen
   *  through Xray, not the script's global, so `window.__sourceAnnotatorSites` was never there. */
  var __sourceAnnotatorSites: SiteData[] | undefined;
  /** The highlight switches of this site for the first paint, left by a switches/<name>.js file the background
   *  registered (src/background/first-paint.ts); none while they are the defaults. */
  var __sourceAnnotatorSwitches: string | undefined;
}

/** The index's sampling parameters, compiled in by build.mjs (two numbers, whatever the dataset's size). */
declare const __SAMPLE_PARAMS__: SampleParams;

/** The page's text for sampling; null (the reason in the status) when there is none. */
function textToSample(): string | null {
  const page = pageText();
  if (page === null) status.note = "no body";
  else if (page.truncated)
    status.note = `page text over ${MAX_PAGE_CHARS} characters: only the beginning was compared`;
  return page?.text || null;
}

type Found = { articleId: string; matchedBy: "url" | "fingerprint"; score: number };

/**
 * Recognition on a publisher's site, with the site's data the browser injected: its URL rules first, then, where
 * they say an article could be, the share of each of the site's articles' probes found in the page's text. No
 * message, and no character-by-character JavaScript: the text is read by the browser's string functions.
 */
function recogniseHere(sites: SiteData[]): (Found & { payload: SitePayload }) | null {
  for (const site of sites) {
    const id = recogniseUrl(location, site.index);
    const payload = id ? site.payloads[id] : undefined;
    if (id && payload) return { articleId: id, matchedBy: "url", score: 1, payload };
  }
  const checked = sites.filter((site) => worthTextCheck(location, site.index));
  if (!checked.length) {
    skipText = true;
    return null;
  }
  const text = textToSample();
  if (!text) return null;
  const page = pageProbeText(text);
  let best: (Found & { payload: SitePayload }) | null = null;
  for (const site of checked)
    site.index.articles.forEach((id, i) => {
      const score = probeScore(page, site.probes[i] ?? []);
      status.score = Math.max(status.score, score);
      const payload = site.payloads[id];
      if (score >= site.threshold && payload && (!best || score > best.score))
        best = { articleId: id, matchedBy: "fingerprint", score, payload };
    });
  return best;
}

/**
 * Recognition elsewhere (archive copies, pages the reader asked to analyse): one message with the address and a
 * sample of the text; the background asks again only if its index was sampled otherwise than this script (a
 * mismatched build). On a match the reply carries the payload, the note anchors and the switches.
 */
async function recogniseByBackground(): Promise<(Found & { start: RecognisedArticle }) | null> {
  const url = location.href;
  const read = performance.now();
  const text = textToSample();
  // Hashed in slices: cold, the hashing is most of this task on a long page (2,000 words: 4.5–6.3 ms of 8–19,
  // profiled), and the text sampled can be MAX_PAGE_CHARS (300,000) long. The first slice is what the reading of
  // the text left of a slice (reading a big page's text took most of one, traced).
  const sampled = async (params: SampleParams) => {
    if (!text) return {};
    const run = runSliced(pageSampleSteps(text, params), { firstBudgetMs: SLICE_MS, since: read });
    return { sample: { ...params, hashes: run.sync ? run.value : await run.value } };
  };
  let reply = await callBackground({ type: "recognise", url, asked, ...(await sampled(__SAMPLE_PARAMS__)) });
  if (reply && "sampleParams" in reply && reply.sampleParams)
    reply = await callBackground({ type: "recognise", url, asked, ...(await sampled(reply.sampleParams)) });
  if (!reply) return null;
  if ("skipText" in reply) {
    skipText = true;
    return null;
  }
  status.score = reply.score;
  return "start" in reply ? reply : null;
}

/** `early`: what parsed() found while the page was still being parsed. */
async function recogniseThisPage(early: Recognised | null): Promise<ArticleInputs | null> {
  const sites = globalThis.__sourceAnnotatorSites;
  if (sites?.length) {
    const since = performance.now();
    const found = early ?? recogniseHere(sites);
    if (!found) return null;
    const { payload, ...match } = found;
    Object.assign(status, match);
    timings.switches(globalThis.__sourceAnnotatorSwitches);
    return {
      payload: pagePayload(payload),
      settings: () => readSettings(api.storage.local).catch(() => undefined),
      firstPaint: firstPaintVisibility(globalThis.__sourceAnnotatorSwitches),
      since,
    };
  }
  const found = await recogniseByBackground();
  if (!found) return null;
  const { start, ...match } = found;
  Object.assign(status, match);
  return {
    payload: start.payload,
    notes: start.notes,
    settings: () => Promise.resolve(start.settings),
  };
}

type Recognised = ReturnType<typeof recogniseHere>;

/**
 * Resolves once the page's parsing ended, before the first frame after it is rendered: content.js runs from
 * document_start on the publishers' pages, and a known article painted then is in the page's first frame with its
 * text (docs/decisions/0017-first-frame.md). Not in the parser's last task, which on a page that arrives at once is
 * the page's longest already, but in a task of its own posted from it, which usually runs before the frame
 * (decision 0026). When the frame comes first, the work still waits for that task: the frame's task holds the page's
 * own first style and layout, and our work beside them made it a long task (decision 0031); the overlays are then in
 * the next frame. A hidden page renders no frames: at the end of parsing. In the next task when parsing is over
 * (document_idle, an injection). Before each frame the browser renders while it is still parsing (a long page, a
 * slow network), the text so far is looked at with the site's data: a known article found there resolves it at once
 * with that article, so the frame holds the overlays of the text that has arrived (followParsing() keeps up with the
 * rest). A page that stops the readystatechange event changes nothing: the frames look at readyState.
 */
function parsed(): Promise<Recognised> {
  // Already parsed (and painted): the recognition need not share the script's own task, its compilation and
  // set-up (traced on the analysed pages: one task of 50–75 ms with both).
  if (document.readyState !== "loading") return yieldToMain().then(() => null);
  const sites = globalThis.__sourceAnnotatorSites;
  return new Promise((resolve) => {
    const end = onParsed(() =>
      document.hidden ? resolve(null) : void yieldToMain().then(() => resolve(null)),
    );
    const frame = () => {
      if (end.ended()) return;
      const found = sites?.length && document.body?.lastChild && !skipText ? recogniseHere(sites) : null;
      if (!found) return void requestAnimationFrame(frame);
      end.stop();
      resolve(found);
    };
    requestAnimationFrame(frame);
  });
}

/** Calls `then` once, when the page's parsing has ended: at its readystatechange event, or at the first call of
 *  `ended()` after that (from a frame's callback, for a page that stops the event). `stop()` forgets it. */
function onParsed(then: () => void): { ended: () => boolean; stop: () => void } {
  let over = false;
  const stop = () => {
    over = true;
    document.removeEventListener("readystatechange", ended);
  };
  const ended = () => {
    if (over) return true;
    if (document.readyState === "loading") return false;
    stop();
    then();
    return true;
  };
  document.addEventListener("readystatechange", ended);
  return { ended, stop };
}

/** While the pass at the end of parsing (followParsing) has yet to start: resolved when it starts. It reads the
 *  page as the changes until then left it, so they need no observer. */
let parsingPass: Promise<void> | null = null;

/** An article started while the page was being parsed: anchored again before each further frame of the parse while
 *  some of it is not placed yet, and once more in a task posted at its end, with all its text (not in the parser's
 *  last task, which also lays out the page: decision 0031), so every frame holds the overlays of the text there is.
 *  Once all is placed the frames need no pass: on a 5 MB page they had been six full passes a load. */
function followParsing(): void {
  let passStarts = () => {};
  parsingPass = new Promise((resolve) => {
    passStarts = resolve;
  });
  const end = onParsed(
    () =>
      void yieldToMain().then(() => {
        parsingPass = null;
        passStarts();
        article?.reanchor();
      }),
  );
  const again = () => {
    if (end.ended()) return;
    if (!article?.placedAll()) article?.reanchor();
    requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
}

/** The page is unloaded for good (not kept in the back-forward cache): the article's session ends with it. Listened
 *  for once an article starts (adding the same listener again adds nothing): on the other pages a listener on the
 *  window is a first use of its bindings for nothing (0.1-0.2 ms of script time, timed in the page). */
function onPageHide(e: PageTransitionEvent): void {
  if (!e.persisted) article?.dispose();
}

/** An analysis of this page (not a known article) was tried: it is not tried again as the page grows. */
let analysed = false;

/**
 * Recognise the page, else (once, or `again` on a page already analysed that changed a lot: a hydration, a
 * single-page navigation) analyse it. A page analysed before that now holds a known article becomes that article.
 */
async function start(again = false): Promise<void> {
  if (article && !again) return;
  const early = await parsed();
  timings.stop("parsedMs");
  // Recognising, anchoring and painting a known article, timed whole when it all runs in this task.
  const inThisTask = timings.open();
  let begin = await recogniseThisPage(early);
  if (begin) forgetAnalysis();
  else if ((!analysed || again) && shouldAnalyse(asked || again)) {
    analysed = true;
    begin = await analyse(
      (reason) => {
        status.note = reason;
      },
      () => void start(true),
      (ms) => timings.task(ms), // each slice of serialising the page
    );
  }
  if (!begin) return;
  // Analysed again (a navigation, a correction) or now a known article: the earlier session ends first.
  if (article) {
    article.dispose();
    article = null;
  }
  timings.stop("recognisedMs");
  // Started while the page is still being parsed (parsed()): the rest of its text is anchored as it comes.
  const painted = (handle: ArticleHandle) => {
    inThisTask();
    article = handle;
    addEventListener("pagehide", onPageHide);
    if (document.readyState === "loading") followParsing();
  };
  article = await startArticle({ status, timings, send: callBackground, painted }, begin);
}

/**
 * Late and changing content: on an article, anchor again after the page settles (debounced) when something is not
 * placed yet or the page changed the text under a highlight; elsewhere, recognise again only once enough text has
 * arrived, so a page that keeps mutating costs next to nothing.
 */
function watch(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = 0; // when the first change not yet handled came
  let added = 0;
  let running = false;
  let lastLoss = Number.NEGATIVE_INFINITY; // when the page last took the highlights' text away
  let lossesAnchored = 0; // of this run of losses (the page not quiet in between), how many were anchored at once
  let touched = false; // since the last pass, a change may have touched the text under a highlight
  const observer = new MutationObserver((records) => {
    // An article started while the page is parsed is anchored again before each frame until the end of parsing
    // and once after it (followParsing): nothing to look at meanwhile (the observer then starts after it, below;
    // this is for one that was observing already, a page recognised after it had changed a lot).
    if (article && (document.readyState === "loading" || parsingPass)) return;
    if (article && !touched) touched = article.changedUnder(records);
    for (const r of records) {
      if (added >= RECHECK_CHARS) break; // enough to act on: no need to look at the rest
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
    // A hydration took the article's text from under the highlights: anchored again now, in this task, they are
    // back in the next frame. Once in a run of such changes without a quiet REANCHOR_DEBOUNCE_MS, and once more for
    // text put back after that pass placed fewer (a hydration in two tasks): a page that re-renders its article
    // every 50 ms is left to the debounced pass below, one a second.
    if (article?.lost(added > 0)) {
      if (now - lastLoss > REANCHOR_DEBOUNCE_MS) lossesAnchored = 0;
      lastLoss = now;
      const putBack = !article.lost(false);
      if (lossesAnchored === 0 || (lossesAnchored === 1 && putBack)) {
        lossesAnchored++;
        article.reanchor();
      }
    }
    const maxWait = Math.max(REANCHOR_MAX_WAIT_MS, 10 * (article?.lastAnchorMs() ?? 0));
    if (timer === undefined) pending = now;
    else if (now - pending >= maxWait - REANCHOR_DEBOUNCE_MS) return; // the run already scheduled goes ahead
    clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = undefined;
      if (running) return;
      running = true;
      const grew = added;
      added = 0;
      try {
        if (article && analysedStatus() && bigChange(grew >= RECHECK_CHARS)) await start(true);
        else if (article) {
          // All placed and nothing under the highlights changed (a ticker, an ad): a pass would place the same.
          if (!touched && article.placedAll()) return;
          touched = false;
          article.reanchor();
        } else await start();
      } finally {
        running = false;
      }
    }, REANCHOR_DEBOUNCE_MS);
  });
  const observe = () =>
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  // Observing while the parser adds the rest of the page would make a record of each node it adds: on a 5 MB page
  // 40–60 ms of callbacks a task while parsing (traced), and 37,000–46,000 records delivered with the end of
  // parsing, 30–42 ms to look at (untraced).
  if (parsingPass) void parsingPass.then(observe);
  else observe();
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
      if (!skipText || analysedStatus()) watch();
    });
  // The script's own task: set-up and, with the site's data, recognition (start() runs until its first wait).
  timings.task(performance.now() - timings.started);
}
