// The bundled dataset, loaded on demand from the extension's own files (never from the network).
import browser from "webextension-polyfill";
import type { ArticlePayload } from "../messages";
import { type RecognitionIndex, recogniseUrl, scoreSample, worthTextCheck } from "../recognition/index";
import type { CardView, SidebarView } from "../views";

let index: Promise<RecognitionIndex> | null = null;
const articles = new Map<string, Promise<ArticlePayload | null>>();
const views = new Map<string, Promise<{ cards: Record<string, CardView>; sidebar: SidebarView } | null>>();

async function loadJson<T>(path: string): Promise<T> {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export function recognitionIndex(): Promise<RecognitionIndex> {
  index ??= loadJson<RecognitionIndex>("data/recognition.json");
  return index;
}

export async function byUrl(url: string) {
  const idx = await recognitionIndex();
  const articleId = recogniseUrl(url, idx);
  if (articleId) return { articleId, matchedBy: "url" as const, score: 1 as const };
  if (!worthTextCheck(url, idx)) return { articleId: null, skipText: true as const };
  return { articleId: null, sampleParams: { shingleSize: idx.text.shingleSize, pageMod: idx.text.pageMod } };
}

export async function bySample(sample: number[]) {
  const r = scoreSample(sample, await recognitionIndex());
  return { articleId: r.articleId, score: r.score };
}

export function articlePayload(id: string): Promise<ArticlePayload | null> {
  let p = articles.get(id);
  if (!p) {
    p = recognitionIndex().then((idx) =>
      idx.articles.includes(id) ? loadJson<ArticlePayload>(`data/articles/${id}.json`) : null,
    );
    articles.set(id, p);
  }
  return p;
}

function articleViews(id: string) {
  let p = views.get(id);
  if (!p) {
    p = recognitionIndex().then((idx) =>
      idx.articles.includes(id)
        ? loadJson<{ cards: Record<string, CardView>; sidebar: SidebarView }>(
            `data/articles/${id}.views.json`,
          )
        : null,
    );
    views.set(id, p);
  }
  return p;
}

export async function card(articleId: string, targetId: string): Promise<CardView | null> {
  return (await articleViews(articleId))?.cards[targetId] ?? null;
}

export async function sidebarView(articleId: string): Promise<SidebarView | null> {
  return (await articleViews(articleId))?.sidebar ?? null;
}
