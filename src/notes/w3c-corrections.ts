// The reader's corrections of attributions found on this device (src/analysis/corrections.ts) as W3C Web
// Annotations, exported with the notes and read back on import (decision 0009).
//
// One annotation per correction, on the analysed page (target source: its address) with a TextQuoteSelector of the
// passage's words (the correction's key). "Wrong speaker": motivation "editing", with a plain-text TextualBody of
// purpose "editing" naming the right speaker. "Hide": motivation "moderating", no body. Two properties of our own
// make the round trip exact: "sa:correction" ("hide" or "speaker") and "sa:pageId" (the page id, the hash of the
// address, checked against the source on import). `created`/`modified` carry when the correction was made.
// A correction whose page's address is not known (made before addresses were kept, page not visited since) cannot
// have a target: it is left out and counted.

import {
  type Correction,
  isCorrection,
  PASSAGE_CHARS,
  type PageCorrection,
  pageAddress,
  passageKey,
} from "../analysis/corrections";
import { analysedId } from "../analysis/types";
import type { Rejection } from "../model/notes";
import {
  ANNO_CONTEXT,
  type AnnotationCollection,
  isCorrectionItem,
  itemsOf,
  SA_NAMESPACE,
  type WebAnnotation,
} from "./w3c";

export interface CorrectionAnnotation {
  "@context": [string, { sa: string }];
  id: string;
  type: "Annotation";
  motivation: "editing" | "moderating";
  created?: string;
  modified?: string;
  body?: { type: "TextualBody"; value: string; format: "text/plain"; purpose: "editing" };
  target: { source: string; selector: { type: "TextQuoteSelector"; exact: string } };
  "sa:correction": "hide" | "speaker";
  "sa:pageId": string;
}

/** The annotation of one correction; null when its page's address is not known. */
export function correctionAnnotation(
  c: PageCorrection,
  id = `urn:uuid:${crypto.randomUUID()}`,
): CorrectionAnnotation | null {
  const { url, at, speaker } = c.correction;
  if (!url) return null;
  return {
    "@context": [ANNO_CONTEXT, { sa: SA_NAMESPACE }],
    id,
    type: "Annotation",
    motivation: speaker ? "editing" : "moderating",
    ...(at ? { created: at, modified: at } : {}),
    ...(speaker
      ? { body: { type: "TextualBody", value: speaker, format: "text/plain", purpose: "editing" } as const }
      : {}),
    target: { source: url, selector: { type: "TextQuoteSelector", exact: c.passage } },
    "sa:correction": speaker ? "speaker" : "hide",
    "sa:pageId": c.pageId,
  };
}

/** The corrections' annotations, and those left out for want of their page's address. */
export function correctionAnnotations(list: PageCorrection[]): {
  items: CorrectionAnnotation[];
  withoutAddress: PageCorrection[];
} {
  const items: CorrectionAnnotation[] = [];
  const withoutAddress: PageCorrection[] = [];
  for (const c of list) {
    const a = correctionAnnotation(c);
    if (a) items.push(a);
    else withoutAddress.push(c);
  }
  return { items, withoutAddress };
}

// ---- Import ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A short name for a rejected correction: its passage and page, as far as they can be read. */
function nameOf(a: Obj): string {
  const t = list(a.target)[0];
  const selector = isObj(t) ? list(t.selector).find(isObj) : undefined;
  const exact = typeof selector?.exact === "string" ? selector.exact : undefined;
  const source = isObj(t) && typeof t.source === "string" ? t.source : undefined;
  const words = exact ? `“${exact.length > 40 ? `${exact.slice(0, 40)}…` : exact}”` : "a passage";
  return `the correction of ${words}${source ? ` on ${source.length > 80 ? `${source.slice(0, 80)}…` : source}` : ""}`;
}

class Bad extends Error {}

function correctionFrom(a: Obj): PageCorrection {
  const kind = a["sa:correction"];
  const motivation = list(a.motivation);
  if (kind !== "hide" && kind !== "speaker")
    throw new Bad(
      `it is not a correction this extension made ("sa:correction" must be "hide" or "speaker", got ${JSON.stringify(kind) ?? "none"}).`,
    );
  if (!motivation.includes(kind === "hide" ? "moderating" : "editing"))
    throw new Bad(`its motivation must be "${kind === "hide" ? "moderating" : "editing"}".`);
  const targets = list(a.target);
  const t = targets[0];
  if (targets.length !== 1 || !isObj(t)) throw new Bad("it must have one target, a passage of a page.");
  const source = isObj(t.source) ? t.source.id : t.source;
  if (typeof source !== "string" || !/^https?:\/\//i.test(source))
    throw new Bad("its target has no http(s) source (the page's address).");
  const quote = list(t.selector).find((s) => isObj(s) && list(s.type).includes("TextQuoteSelector")) as
    | Obj
    | undefined;
  if (!quote || typeof quote.exact !== "string" || !quote.exact.trim())
    throw new Bad("its target has no TextQuoteSelector with the passage's words.");
  if (quote.exact.length > PASSAGE_CHARS * 4) throw new Bad("its passage is too long.");
  const url = pageAddress(source);
  const pageId = analysedId(url);
  if (a["sa:pageId"] !== undefined && a["sa:pageId"] !== pageId)
    throw new Bad(`its "sa:pageId" does not belong to its page's address (${pageId} expected).`);
  let speaker: string | undefined;
  if (kind === "speaker") {
    const bodies = list(a.body).filter(
      (b) => isObj(b) && list(b.purpose).includes("editing") && typeof b.value === "string",
    ) as Obj[];
    const value = bodies.length === 1 ? String(bodies[0]?.value).trim() : "";
    if (!value) throw new Bad("it names no speaker (one TextualBody with purpose “editing”).");
    speaker = value;
  }
  const time = typeof a.modified === "string" ? a.modified : a.created;
  if (time !== undefined && (typeof time !== "string" || Number.isNaN(Date.parse(time))))
    throw new Bad("its time is not a date-time.");
  const correction: Correction = {
    ...(kind === "hide" ? { hide: true as const } : { speaker }),
    url,
    ...(typeof time === "string" ? { at: new Date(time).toISOString() } : {}),
  };
  if (!isCorrection(correction))
    throw new Bad(
      speaker && speaker.length > 200 ? "its speaker is longer than 200 characters." : "it is malformed.",
    );
  // A key as exported is kept as it is (cut at 200 characters, it may end in a space, which the analysis's key of
  // the same passage keeps too); other passages are made keys.
  const exact = quote.exact;
  const isKey = exact.length <= PASSAGE_CHARS && !/^\s|\s\s|[^\S ]/.test(exact);
  return { pageId, passage: isKey ? exact : passageKey(exact), correction };
}

/** A correction read from a file, with its item number there. */
export type ImportedCorrection = PageCorrection & { index: number };

export interface ParsedCorrections {
  corrections: ImportedCorrection[];
  /** Bad entries, each by its item number in the file and named by its passage and page. */
  rejected: Rejection[];
}

/** The corrections among a Web Annotation file's items (the items a note import passes over). Never throws. */
export function parseCorrectionItems(items: readonly unknown[]): ParsedCorrections {
  const corrections: ImportedCorrection[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!isCorrectionItem(item)) continue;
    const a = item as Obj;
    try {
      const c = correctionFrom(a);
      const key = `${c.pageId}\n${c.passage}`;
      if (seen.has(key)) throw new Bad("the file corrects the same passage twice; the first one is kept.");
      seen.add(key);
      corrections.push({ ...c, index });
    } catch (e) {
      rejected.push({
        index,
        reason: `${nameOf(a)}: ${e instanceof Bad ? e.message : `it could not be read (${String(e)}).`}`,
      });
    }
  }
  return { corrections, rejected };
}

/** The corrections of a Web Annotation file (JSON text). A file that is not one, or a Hypothesis file, has none:
 *  parseImport already says why it is refused. Never throws. */
export function parseCorrections(text: string): ParsedCorrections {
  // A file without a word of a correction (most files: notes only) is not parsed a second time.
  if (!/"(?:sa:correction|editing|moderating)"/.test(text)) return { corrections: [], rejected: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    return { corrections: [], rejected: [] };
  }
  const found = itemsOf(doc);
  return typeof found === "string" ? { corrections: [], rejected: [] } : parseCorrectionItems(found.items);
}

/** A collection of notes and corrections. */
export type CollectionWithCorrections = Omit<AnnotationCollection, "first"> & {
  first?: {
    id: string;
    type: "AnnotationPage";
    startIndex: 0;
    items: (WebAnnotation | CorrectionAnnotation)[];
  };
};

/**
 * The notes' collection (exportCollection) with the corrections' annotations after the notes; `total` counts both.
 * Corrections whose page's address is not known are left out and returned, for the export's report.
 */
export function withCorrections(
  collection: AnnotationCollection,
  corrections: PageCorrection[],
): { collection: CollectionWithCorrections; withoutAddress: PageCorrection[] } {
  const { items, withoutAddress } = correctionAnnotations(corrections);
  if (!items.length) return { collection, withoutAddress };
  const notes = collection.first?.items ?? [];
  return {
    collection: {
      ...collection,
      total: notes.length + items.length,
      first: {
        id: collection.first?.id ?? `urn:uuid:${crypto.randomUUID()}`,
        type: "AnnotationPage",
        startIndex: 0,
        items: [...notes, ...items],
      },
    },
    withoutAddress,
  };
}
