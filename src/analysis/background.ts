// The background's analysis service: analyse a page's HTML for its content script, keep the cards and sidebar of
// the analysed pages (in memory and in storage.session, which outlives a sleeping service worker, never the
// browser session), and inject content.js where status.js found an article page on a publisher's site.
import browser from "webextension-polyfill";
import type { KnownEntityData, KnownStatement } from "../model/known";
import { CORRECTIONS_KEY, type Corrections, isCorrection } from "./corrections";
import { withLocalIndex } from "./local-index";
import { ANALYSED_PREFIX, type AnalysedViews, analysedId, analyseHtml } from "./run";
import { type AnalyseInjectRequest, type AnalyseRequest, isAnalysisRequest } from "./types";

let statements: Promise<KnownStatement[]> | null = null;
function knownStatements(): Promise<KnownStatement[]> {
  statements ??= fetch(browser.runtime.getURL("data/statements.json")).then(
    (r) => (r.ok ? (r.json() as Promise<KnownStatement[]>) : []),
    () => [],
  );
  return statements;
}

let known: Promise<KnownEntityData[]> | null = null;
function knownEntities(): Promise<KnownEntityData[]> {
  known ??= fetch(browser.runtime.getURL("data/entities.json")).then(
    (r) => (r.ok ? (r.json() as Promise<KnownEntityData[]>) : []),
    () => [],
  );
  return known;
}

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
  const hosts = (browser.runtime.getManifest().content_scripts ?? [])
    .flatMap((c) => c.matches ?? [])
    .map((m) => /^\*?:\/\/(?:\*\.)?([^/]+)\//.exec(m)?.[1])
    .filter((h): h is string => Boolean(h) && h !== "web.archive.org");
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

async function handle(m: AnalyseRequest | AnalyseInjectRequest, sender: browser.Runtime.MessageSender) {
  if (m.type === "analyse-inject") {
    // status.js on a publisher's page that looks like an article: the page gets content.js, which analyses it.
    const tabId = sender.tab?.id;
    if (tabId === undefined || !publisherHost(sender.url)) return false;
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
  const { reply, views: v } = analyseHtml(
    m.html,
    m.url,
    await knownEntities(),
    // Storage is ours, but a value of another version or a hand edit must not break the analysis: skip it.
    Object.fromEntries(
      Object.entries(stored.corrections?.[analysedId(m.url)] ?? {}).filter(([, c]) => isCorrection(c)),
    ),
    await knownStatements(),
  );
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
