// "What else has this person said?" (issue 18): an opt-in index, in this browser only, of the quotations found on
// the pages the reader had analysed. A speaker's card lists their statements on the reader's other pages, with
// dates and links. Off until the reader turns it on (options page); erased on request; never sent anywhere.
import browser from "webextension-polyfill";
import { withTextFragment } from "../anchoring/fragment";
import type { PassageView } from "../model/views";
import { nameKey } from "./link";
import type { AnalysedViews, AnalyseReply } from "./types";

export const INDEX_ON_KEY = "localIndexOn";
export const INDEX_KEY = "localIndex";
/** Pages kept, the oldest dropped first. */
const MAX_PAGES = 500;

export interface IndexedPage {
  url: string;
  headline?: string;
  publisher: string;
  dateLabel: string;
  date?: string;
  indexedAt: string;
  quotes: { speaker: string; key: string; exact: string }[];
}
export type LocalIndex = Record<string, IndexedPage>;

const keyOf = (name: string) => nameKey(name).join(" ");

/**
 * With the index on: add to each card the same speaker's quotations on the reader's other analysed pages, then
 * record this page's quotations.
 */
export async function withLocalIndex(
  url: string,
  reply: Extract<AnalyseReply, { ok: true }>,
  views: AnalysedViews,
): Promise<void> {
  const got = (await browser.storage.local.get([INDEX_ON_KEY, INDEX_KEY]).catch(() => ({}))) as {
    localIndexOn?: boolean;
    localIndex?: LocalIndex;
  };
  if (!got.localIndexOn) return;
  const index = got.localIndex ?? {};
  const here = reply.payload.article.id;
  const byKey = new Map<string, PassageView[]>();
  for (const [id, page] of Object.entries(index)) {
    if (id === here) continue;
    for (const q of page.quotes) {
      const list = byKey.get(q.key) ?? [];
      list.push({
        articleId: id,
        publisher: page.publisher,
        dateLabel: page.dateLabel,
        ...(page.date ? { date: page.date } : {}),
        speaker: q.speaker,
        text: q.exact,
        href: withTextFragment(page.url, q.exact),
      });
      byKey.set(q.key, list);
    }
  }
  for (const card of Object.values(views.cards)) {
    const name = card.attribution?.speaker?.name;
    const others = name ? byKey.get(keyOf(name)) : undefined;
    if (others?.length) card.sameSpeaker = [...card.sameSpeaker, ...others.slice(0, 6)];
  }
  const quotes = reply.analysis.attributions
    .filter((a) => a.speaker && !a.anonymous)
    .map((a) => ({ speaker: a.speaker as string, key: keyOf(a.speaker as string), exact: a.exact }));
  const sidebar = views.sidebar.article;
  index[here] = {
    url: url.split("#")[0] ?? url,
    ...(sidebar.headline ? { headline: sidebar.headline } : {}),
    publisher: sidebar.publisher,
    dateLabel: sidebar.dateLabel,
    ...(reply.payload.article.published ? { date: reply.payload.article.published } : {}),
    indexedAt: new Date().toISOString(),
    quotes,
  };
  const ids = Object.keys(index).sort((a, b) =>
    (index[a]?.indexedAt ?? "").localeCompare(index[b]?.indexedAt ?? ""),
  );
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PAGES))) delete index[id];
  await browser.storage.local.set({ [INDEX_KEY]: index }).catch(() => undefined);
}
