// The reader's corrections of attributions found on this device (src/analysis/corrections.ts) on the notes page
// (decision 0009): read from storage.local, added to the notes' exports, merged back from an imported file, and
// undone one by one. Kept apart from transfer.ts, which calls these at one place each.
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import {
  CORRECTIONS_KEY,
  type Corrections,
  listCorrections,
  type MergeResult,
  mergeCorrections,
  type PageCorrection,
  storedCorrections,
  withoutCorrection,
} from "../analysis/corrections";
import type { MarkdownFile, Rejection } from "../model/notes";
import { withCorrectionsMarkdown } from "../notes/markdown";
import type { AnnotationCollection } from "../notes/w3c";
import { type ImportedCorrection, parseCorrections, withCorrections } from "../notes/w3c-corrections";
import { plural } from "./labels";

async function readAll(): Promise<Corrections> {
  const stored = (await browser.storage.local.get(CORRECTIONS_KEY).catch(() => ({}))) as Record<
    string,
    unknown
  >;
  return storedCorrections(stored[CORRECTIONS_KEY]);
}

/** The stored corrections, all of them or one page's (an article filter that is an analysed page). */
export async function correctionsFor(only?: string): Promise<PageCorrection[]> {
  const list = listCorrections(await readAll());
  return only ? list.filter((c) => c.pageId === only) : list;
}

/** The stored corrections, read again whenever they change (here, in a sidebar, or by an import). */
export function useCorrections(): PageCorrection[] {
  const [list, setList] = useState<PageCorrection[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void correctionsFor().then((l) => live && setList(l));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === "local" && CORRECTIONS_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return list;
}

/** "Undo": one correction removed; the analysed page shows what was found again. */
export async function undoCorrection(pageId: string, passage: string): Promise<void> {
  await browser.storage.local.set({ [CORRECTIONS_KEY]: withoutCorrection(await readAll(), pageId, passage) });
}

/** What the export report says of the corrections: " and N corrections" after the notes' count, and a sentence
 *  on those that could not be exported. */
export function exportedWords(exported: number, withoutAddress: number): { count: string; left: string } {
  return {
    count: exported ? ` and ${plural(exported, "correction")}` : "",
    left: withoutAddress
      ? ` ${plural(withoutAddress, "correction")} could not be exported: made before corrections kept their page's address, on a page not analysed since (open the page once, then export again).`
      : "",
  };
}

/** The W3C export (the background's JSON) with the corrections in it. */
export async function addToCollection(
  json: string,
  only?: string,
): Promise<{ text: string; notes: number; exported: number; withoutAddress: number }> {
  const corrections = await correctionsFor(only);
  // Without corrections the file is not parsed again (50,000 notes make 40–60 MB): its total read from its head.
  if (!corrections.length)
    return {
      text: json,
      notes: Number(/"total":\s*(\d+)/.exec(json.slice(0, 4096))?.[1] ?? 0),
      exported: 0,
      withoutAddress: 0,
    };
  const collection = JSON.parse(json) as AnnotationCollection;
  const notes = collection.total ?? 0;
  const r = withCorrections(collection, corrections);
  return {
    text: r.withoutAddress.length === corrections.length ? json : JSON.stringify(r.collection, null, 2),
    notes,
    exported: corrections.length - r.withoutAddress.length,
    withoutAddress: r.withoutAddress.length,
  };
}

/** The Markdown export's files with each page's "Corrections" section. */
export async function addToMarkdown(
  files: MarkdownFile[],
  split: "article" | "all",
  only?: string,
): Promise<{ files: MarkdownFile[]; exported: number }> {
  const corrections = await correctionsFor(only);
  return {
    files: withCorrectionsMarkdown(files, corrections, { articles: {}, split }),
    exported: corrections.length,
  };
}

export interface CorrectionsImport {
  merge: MergeResult | null;
  rejected: Rejection[];
}

/** The corrections of an imported Web Annotation file, merged into the stored ones (mergeCorrections' rule). */
export async function importCorrections(text: string): Promise<CorrectionsImport> {
  const { corrections, rejected } = parseCorrections(text);
  if (!corrections.length) return { merge: null, rejected };
  const merge = mergeCorrections(await readAll(), corrections);
  if (merge.added.length || merge.replaced.length || merge.same.length)
    await browser.storage.local.set({ [CORRECTIONS_KEY]: merge.merged });
  return { merge, rejected };
}

const words = (c: PageCorrection) => `“${c.passage.length > 60 ? `${c.passage.slice(0, 60)}…` : c.passage}”`;

/** The import report's sentence on the corrections, and the local ones kept (each by name, as a rejection). */
export function importedSentence(r: CorrectionsImport): {
  text: string;
  rejected: Rejection[];
  kept: Rejection[];
} {
  const m = r.merge;
  if (!m && !r.rejected.length) return { text: "", rejected: [], kept: [] };
  const parts = [
    `Corrections: restored ${(m?.added.length ?? 0) + (m?.replaced.length ?? 0)}`,
    `already here ${m?.same.length ?? 0}`,
    `kept yours ${m?.keptLocal.length ?? 0}`,
    `rejected ${r.rejected.length}`,
  ];
  const kept = (m?.keptLocal ?? []).map(
    ({ imported, local }): Rejection => ({
      index: (imported as ImportedCorrection).index,
      reason: `your correction of ${words(imported)} was kept, as it is newer than the file's${local.at ? "" : " (or undated)"}: ${local.speaker ? `said by ${local.speaker}` : "hidden"}; the file's (${imported.correction.speaker ? `said by ${imported.correction.speaker}` : "hidden"}) was not imported.`,
    }),
  );
  return { text: ` ${parts.join(", ")}.`, rejected: r.rejected, kept };
}
