// The reader's corrections of what was found on this device (issue 18): "hide" an attribution, or "wrong speaker"
// with the right one typed. Kept in storage.local under `corrections`, by analysed page id and by the passage's
// words (a page's attributions have no stable ids of their own), applied at every analysis of the page.
//
// Since decision 0009 each correction also keeps the page's address (`url`, without its fragment) and when it
// was made (`at`), so that it can be exported with the notes and merged back on import. Corrections stored
// before that have neither: they still apply (the page id is enough for that); the background gives them their
// page's address the next time it analyses the page (`withAddress`), and until then the export leaves them out
// and says so.

export interface Correction {
  hide?: true;
  /** The speaker as the reader named them. */
  speaker?: string;
  /** The analysed page's address, without its fragment (the page id is its hash). Absent in older entries. */
  url?: string;
  /** When the reader made it (ISO 8601). Absent in older entries. */
  at?: string;
}
/** Analysed page id → the passage's words (first 200 characters) → the correction. */
export type Corrections = Record<string, Record<string, Correction>>;

/** One correction with its keys, as exported and imported. */
export interface PageCorrection {
  pageId: string;
  /** The passage's words (`passageKey`). */
  passage: string;
  correction: Correction;
}

export const CORRECTIONS_KEY = "corrections";
export const PASSAGE_CHARS = 200;
export const passageKey = (exact: string) => exact.replace(/\s+/g, " ").trim().slice(0, PASSAGE_CHARS);
/** The address a page id is the hash of: without the fragment. */
export const pageAddress = (url: string) => url.split("#")[0] ?? url;

const MAX_URL = 2048;
const isHttpUrl = (v: unknown): v is string =>
  typeof v === "string" && v.length <= MAX_URL && /^https?:\/\/[^\s/]+/i.test(v);
const isTime = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));

export function isCorrection(v: unknown): v is Correction {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    (c.hide === undefined || c.hide === true) &&
    (c.speaker === undefined ||
      (typeof c.speaker === "string" && c.speaker.length > 0 && c.speaker.length <= 200)) &&
    (c.url === undefined || isHttpUrl(c.url)) &&
    (c.at === undefined || isTime(c.at))
  );
}

/** The stored value as corrections: anything else (another version's, a hand edit) read as none. */
export function storedCorrections(v: unknown): Corrections {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return {};
  return v as Corrections;
}

/** Every well-formed stored correction, page by page, in a stable order. */
export function listCorrections(all: Corrections): PageCorrection[] {
  const out: PageCorrection[] = [];
  for (const pageId of Object.keys(all).sort()) {
    const page = all[pageId];
    if (typeof page !== "object" || page === null) continue;
    for (const passage of Object.keys(page).sort()) {
      const correction = page[passage];
      if (isCorrection(correction)) out.push({ pageId, passage, correction });
    }
  }
  return out;
}

/**
 * The migration of older entries: the page's corrections that have no address get `url` (the address the page
 * was just analysed at, whose hash is `pageId`). The new value, or null when nothing changed.
 */
export function withAddress(all: Corrections, pageId: string, url: string): Corrections | null {
  const page = all[pageId];
  const address = pageAddress(url);
  if (typeof page !== "object" || page === null || !isHttpUrl(address)) return null;
  const missing = Object.entries(page).filter(([, c]) => isCorrection(c) && c.url === undefined);
  if (!missing.length) return null;
  return {
    ...all,
    [pageId]: { ...page, ...Object.fromEntries(missing.map(([k, c]) => [k, { ...c, url: address }])) },
  };
}

/** The same correction: what it does, not when or where it was recorded. */
const sameEffect = (a: Correction, b: Correction) => a.hide === b.hide && a.speaker === b.speaker;

export interface MergeResult {
  merged: Corrections;
  /** New here. */
  added: PageCorrection[];
  /** The imported one is newer than the one here, which it replaced. */
  replaced: PageCorrection[];
  /** Already here, with the same effect (an address or time the local one lacked is filled in). */
  same: PageCorrection[];
  /** The one here differs and is newer (or undated): kept, the imported one left out. */
  keptLocal: { imported: PageCorrection; local: Correction }[];
}

/**
 * Imported corrections merged into the stored ones. The rule (decision 0009): a passage without a local
 * correction takes the imported one; the same correction is kept once; where the two differ, the later `at`
 * wins, and a local one that is newer — or has no time, so it cannot be shown to be older — is kept and reported,
 * never overwritten silently.
 */
export function mergeCorrections(local: Corrections, incoming: PageCorrection[]): MergeResult {
  const merged: Corrections = { ...local };
  const result: MergeResult = { merged, added: [], replaced: [], same: [], keptLocal: [] };
  for (const item of incoming) {
    const page = { ...(merged[item.pageId] ?? {}) };
    const here = page[item.passage];
    const mine = isCorrection(here) ? here : undefined;
    if (!mine) {
      page[item.passage] = item.correction;
      result.added.push(item);
    } else if (sameEffect(mine, item.correction)) {
      page[item.passage] = {
        ...mine,
        ...(mine.url === undefined && item.correction.url ? { url: item.correction.url } : {}),
        ...(mine.at === undefined && item.correction.at ? { at: item.correction.at } : {}),
      };
      result.same.push(item);
    } else if (mine.at && item.correction.at && Date.parse(item.correction.at) > Date.parse(mine.at)) {
      page[item.passage] = item.correction;
      result.replaced.push(item);
    } else {
      result.keptLocal.push({ imported: item, local: mine });
    }
    merged[item.pageId] = page;
  }
  return result;
}

/** Without one passage's correction (the notes page's "Undo"); a page left with none is dropped. */
export function withoutCorrection(all: Corrections, pageId: string, passage: string): Corrections {
  const page = { ...(all[pageId] ?? {}) };
  delete page[passage];
  const next = { ...all };
  if (Object.keys(page).length) next[pageId] = page;
  else delete next[pageId];
  return next;
}
