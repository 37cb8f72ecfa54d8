// "What else has this person said?" (issue 18): an opt-in index, in this browser only, of the quotations found on
// the pages the reader had analysed. A speaker's card lists their statements on the reader's other pages, with
// dates and links. Off until the reader turns it on (options page); erased on request; never sent anywhere.
// Kept in IndexedDB (local-index-store.ts); the switch is in storage.local.
import browser from "webextension-polyfill";
import { withTextFragment } from "../anchoring/fragment";
import { nameKey } from "./link";
import { type IndexedPage, LocalIndexStore } from "./local-index-store";
import type { AnalysedViews, AnalyseReply } from "./types";

export const INDEX_ON_KEY = "localIndexOn";
/** Where the index was kept before it moved to IndexedDB: moved at the first use, then removed. */
const OLD_INDEX_KEY = "localIndex";

const keyOf = (name: string) => nameKey(name).join(" ");

let store: Promise<LocalIndexStore> | undefined;
/** The index, with what an older version kept in storage.local moved into it (once per context). */
export function localIndex(): Promise<LocalIndexStore> {
  store ??= (async () => {
    const s = new LocalIndexStore();
    const old = (await browser.storage.local.get(OLD_INDEX_KEY).catch(() => ({}))) as {
      localIndex?: Record<string, IndexedPage>;
    };
    if (old.localIndex && typeof old.localIndex === "object") {
      await s.putMany(
        Object.entries(old.localIndex).filter(
          ([, p]) => typeof p?.url === "string" && Array.isArray(p.quotes),
        ),
      );
      await browser.storage.local.remove(OLD_INDEX_KEY);
    }
    return s;
  })();
  return store;
}

export const isIndexOn = async () =>
  ((await browser.storage.local.get(INDEX_ON_KEY).catch(() => ({}))) as { localIndexOn?: boolean })
    .localIndexOn === true;

/**
 * With the index on: add to each card the same speaker's quotations on the reader's other analysed pages, then
 * record this page's quotations.
 */
export async function withLocalIndex(
  url: string,
  reply: Extract<AnalyseReply, { ok: true }>,
  views: AnalysedViews,
): Promise<void> {
  if (!(await isIndexOn())) return;
  const index = await localIndex();
  const here = reply.payload.article.id;
  const cards = Object.values(views.cards).flatMap((card) => {
    const name = card.attribution?.speaker?.name;
    return name ? [{ card, key: keyOf(name) }] : [];
  });
  const found = await index.bySpeaker(
    cards.map((c) => c.key),
    here,
  );
  for (const { card, key } of cards) {
    const others = (found.get(key) ?? []).map(({ page, id, quote }) => ({
      articleId: id,
      publisher: page.publisher,
      dateLabel: page.dateLabel,
      ...(page.date ? { date: page.date } : {}),
      speaker: quote.speaker,
      text: quote.exact,
      href: withTextFragment(page.url, quote.exact),
    }));
    if (others.length) card.sameSpeaker = [...card.sameSpeaker, ...others];
  }
  const sidebar = views.sidebar.article;
  await index
    .put(here, {
      url: url.split("#")[0] ?? url,
      ...(sidebar.headline ? { headline: sidebar.headline } : {}),
      publisher: sidebar.publisher,
      dateLabel: sidebar.dateLabel,
      ...(reply.payload.article.published ? { date: reply.payload.article.published } : {}),
      indexedAt: new Date().toISOString(),
      quotes: reply.analysis.attributions
        .filter((a) => a.speaker && !a.anonymous)
        .map((a) => ({ speaker: a.speaker as string, key: keyOf(a.speaker as string), exact: a.exact })),
    })
    .catch(() => undefined);
}
