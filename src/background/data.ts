// The bundled dataset, loaded on demand from the extension's own files (never from the network).
import browser from "webextension-polyfill";
import type { ArticlePayload, PageSample, Settings } from "../model/protocol";
import type { RecognitionIndex } from "../model/recognition";
import type { RecognisedArticle, RecogniseReply } from "../model/replies";
import {
  type CardView,
  type PassageShard,
  type SidebarView,
  type StoredCardView,
  withPassages,
} from "../model/views";
import { recogniseUrl, scoreSample, unpackIndex, worthTextCheck } from "../recognition/index";
import { changedSettings, readSettings } from "../shared/settings";

let index: Promise<RecognitionIndex> | null = null;
const articles = new Map<string, Promise<ArticlePayload | null>>();
const views = new Map<
  string,
  Promise<{ cards: Record<string, StoredCardView>; sidebar: SidebarView } | null>
>();
/** The passage indexes' shards read so far: data/speakers/<n>.json and data/elsewhere/<n>.json. */
const shards = new Map<string, Promise<PassageShard | null>>();

async function loadJson<T>(path: string): Promise<T> {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The highlight switches, read once and then followed through storage.onChanged (one read per page load saved). */
let settings: Promise<Settings | undefined> | null = null;
function storedSettings(): Promise<Settings | undefined> {
  settings ??= readSettings(browser.storage.local).then(
    (s) => s,
    () => {
      settings = null;
      return undefined;
    },
  );
  return settings;
}
browser.storage.onChanged.addListener((changes, area) => {
  const c = changedSettings(changes, area);
  if (c) settings = Promise.resolve(c.settings);
});

/** The index in its two files (src/recognition/index.ts packIndex): its JSON, and its postings as typed arrays. */
export function recognitionIndex(): Promise<RecognitionIndex> {
  index ??= Promise.all([
    loadJson<object>("data/recognition.json"),
    fetch(browser.runtime.getURL("data/recognition.bin")).then((r) => {
      if (!r.ok) throw new Error(`data/recognition.bin: ${r.status}`);
      return r.arrayBuffer();
    }),
  ]).then(([json, bin]) => unpackIndex(json, bin));
  index.catch(() => {
    index = null;
  });
  return index;
}

/**
 * Recognise a page by its address, else by its text sample; on a match, answer with everything the content script
 * needs to paint (the payload, where the reader's notes are, the settings), read while the index is consulted.
 */
export async function recognisePage(
  url: string,
  sample: PageSample | undefined,
  notesOf: (articleId: string) => Promise<RecognisedArticle["notes"]>,
  asked = false,
): Promise<RecogniseReply | null> {
  const idx = await recognitionIndex();
  const byUrl = recogniseUrl(url, idx);
  let found: { articleId: string; matchedBy: "url" | "fingerprint"; score: number };
  if (byUrl) found = { articleId: byUrl, matchedBy: "url", score: 1 };
  else {
    if (!worthTextCheck(url, idx, asked)) return { articleId: null, skipText: true };
    const { shingleSize, pageMod } = idx.text;
    if (!sample || sample.shingleSize !== shingleSize || sample.pageMod !== pageMod)
      return { articleId: null, score: 0, sampleParams: { shingleSize, pageMod } };
    const r = scoreSample(sample.hashes, idx);
    if (!r.articleId) return { articleId: null, score: r.score };
    found = { articleId: r.articleId, matchedBy: "fingerprint", score: r.score };
  }
  const { articleId } = found;
  const [payload, notes, stored] = await Promise.all([
    articlePayload(articleId),
    notesOf(articleId).catch(() => []), // a notes database that cannot be read does not stop the overlays
    storedSettings(),
  ]);
  if (!payload) return null;
  return { ...found, start: { payload, notes, settings: stored } };
}

function articlePayload(id: string): Promise<ArticlePayload | null> {
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
        ? loadJson<{ cards: Record<string, StoredCardView>; sidebar: SidebarView }>(
            `data/articles/${id}.views.json`,
          )
        : null,
    );
    views.set(id, p);
  }
  return p;
}

/** One shard of a passage index (by speaker, by entity), read the first time a card needs it. */
function passageShard(index: "speakers" | "elsewhere", n: number | undefined): Promise<PassageShard | null> {
  if (n === undefined || !Number.isInteger(n) || n < 0) return Promise.resolve(null);
  const path = `data/${index}/${n}.json`;
  let p = shards.get(path);
  if (!p) {
    p = loadJson<PassageShard>(path);
    p.catch(() => shards.delete(path));
    shards.set(path, p);
  }
  return p.catch(() => null);
}

/** A card's view; its passages in the other articles (the same speaker's, an entity's) looked up now. */
export async function card(articleId: string, targetId: string): Promise<CardView | null> {
  const stored = (await articleViews(articleId))?.cards[targetId];
  if (!stored) return null;
  const [sameSpeaker, elsewhere] = await Promise.all([
    passageShard("speakers", stored.sameSpeakerOf?.shard),
    passageShard("elsewhere", stored.elsewhereOf?.shard),
  ]);
  return withPassages(stored, { sameSpeaker, elsewhere }, articleId);
}

export async function sidebarView(articleId: string): Promise<SidebarView | null> {
  return (await articleViews(articleId))?.sidebar ?? null;
}
