// The content script: recognise the page, anchor the article's targets, paint them, answer `status`.
// On a page that is not a known article it asks the background once by URL, once by a bounded text sample,
// and stops. It reads no layout and never touches the page's DOM text.
import { anchorAll } from "../anchoring/dom";
import {
  type ArticlePayload,
  type ContentRequest,
  isContentRequest,
  type RecogniseSampleReply,
  type RecogniseUrlReply,
  type Settings,
  type Status,
  type Visibility,
  visibilityFor,
} from "../messages";
import { pageSample } from "../recognition/index";
import { api } from "./api";
import { Painter, supported } from "./paint";

/** Past this many characters of page text the script gives up and says so (a 5 MB text page, say). */
const MAX_TEXT = 3_000_000;
const REANCHOR_DEBOUNCE_MS = 300;

declare global {
  interface Window {
    __sourceAnnotatorLoaded?: boolean;
  }
}

const status: Status = {
  articleId: null,
  matchedBy: null,
  score: 0,
  anchored: 0,
  orphaned: [],
  highlightsVisible: false,
};
let payload: ArticlePayload | null = null;
let visibility: Visibility = visibilityFor(undefined, location.hostname);
const painter = new Painter(document);

function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  reply: (r: Status) => void,
): boolean | undefined {
  // Only our own extension talks to us: pages cannot reach runtime.onMessage, and other extensions have other ids.
  if (sender.id !== api.runtime.id || !isContentRequest(message)) return undefined;
  const m: ContentRequest = message;
  if (m.type === "status") reply({ ...status, visibility, host: location.hostname });
  return undefined;
}

async function send<T>(message: unknown): Promise<T | null> {
  try {
    return (await api.runtime.sendMessage(message)) as T;
  } catch {
    return null; // the extension was reloaded or is shutting down: this page keeps working as it was
  }
}

function pageText(): string | null {
  const body = document.body;
  if (!body) return null;
  const text = body.textContent ?? "";
  return text;
}

async function recognise(): Promise<void> {
  const byUrl = await send<RecogniseUrlReply>({ type: "recognise-url", url: location.href });
  if (!byUrl) return;
  if (!("sampleParams" in byUrl)) {
    Object.assign(status, { articleId: byUrl.articleId, matchedBy: "url", score: 1 });
    return;
  }
  const text = pageText();
  if (text === null) {
    status.note = "no body";
    return;
  }
  if (text.length > MAX_TEXT) {
    status.note = `page too large (${text.length} characters): not analysed`;
    return;
  }
  const reply = await send<RecogniseSampleReply>({
    type: "recognise-sample",
    sample: pageSample(text, byUrl.sampleParams),
  });
  if (!reply) return;
  status.score = reply.score;
  if (reply.articleId) Object.assign(status, { articleId: reply.articleId, matchedBy: "fingerprint" });
}

function anchorAndPaint(): void {
  if (!payload || !document.body) return;
  const { anchored, orphaned } = anchorAll(document.body, payload.targets);
  const kindOf = new Map(payload.targets.map((t) => [t.id, t.kind]));
  painter.clear();
  const byKind = new Map<string, Range[]>();
  for (const a of anchored) {
    const kind = kindOf.get(a.id) as string;
    byKind.set(kind, [...(byKind.get(kind) ?? []), a.range]);
  }
  for (const [kind, ranges] of byKind) painter.set(kind as never, ranges);
  status.anchored = anchored.length;
  status.orphaned = orphaned;
  applyVisibility();
}

function applyVisibility(): void {
  if (!payload) return;
  painter.apply(visibility);
  status.highlightsVisible =
    visibility.all && Object.values(visibility.kinds).some(Boolean) && status.anchored > 0;
}

async function loadSettings(): Promise<void> {
  const got = (await api.storage.local.get("settings").catch(() => ({}))) as { settings?: Settings };
  visibility = visibilityFor(got.settings, location.hostname);
}

/** Late and changing content: recognise or re-anchor after the page settles, debounced. */
function watch(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const observer = new MutationObserver((records) => {
    // Our own style element changing is not the page changing.
    if (records.every((r) => (r.target as Element).closest?.("[data-sa-ignore]"))) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (running) return;
      running = true;
      try {
        if (!status.articleId) await start();
        else anchorAndPaint();
      } finally {
        running = false;
      }
    }, REANCHOR_DEBOUNCE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

async function start(): Promise<void> {
  if (!status.articleId) await recognise();
  if (!status.articleId || payload) return;
  if (!supported()) {
    status.note = "this browser cannot paint highlights (CSS Custom Highlight API missing)";
    return;
  }
  payload = await send<ArticlePayload>({ type: "article", id: status.articleId });
  if (!payload) return;
  status.article = payload.article;
  status.counts = payload.counts;
  await loadSettings();
  anchorAndPaint();
}

if (!window.__sourceAnnotatorLoaded) {
  window.__sourceAnnotatorLoaded = true;
  api.runtime.onMessage.addListener(onMessage);
  api.storage.onChanged.addListener((changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !changes.settings) return;
    visibility = visibilityFor(changes.settings.newValue as Settings | undefined, location.hostname);
    applyVisibility();
  });
  void start()
    .catch(() => undefined)
    .then(() => {
      status.ready = true;
      watch();
    });
}
