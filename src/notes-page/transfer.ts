// Export and import of the reader's notes, as the notes page asks the background for them: each answers with what
// the page should tell the reader (a Report), never a thrown error.

import { localIsoDay } from "../model/date-labels";
import { LIMITS } from "../model/limits";
import { notesOp } from "../shared/messaging";
import {
  addToCollection,
  addToMarkdown,
  exportedWords,
  importCorrections,
  importedSentence,
} from "./corrections";
import { download } from "./download";
import { plural } from "./labels";
import type { Report } from "./report";

/** Every note (or one article's) as one W3C Web Annotation collection, downloaded. */
export async function exportNotes(only?: string): Promise<Report> {
  const r = await notesOp({ op: "export", ...(only ? { articleId: only } : {}) });
  if (!r.ok) return { tone: "error", text: `Nothing was exported: ${r.message}` };
  // The reader's corrections of analysed pages go in the same collection (decision 0009).
  const { text, notes: total, exported, withoutAddress } = await addToCollection(r.value, only);
  const filename = `source-annotator-notes-${only ? `${only}-` : ""}${localIsoDay()}.jsonld`;
  download(text, filename);
  const c = exportedWords(exported, withoutAddress);
  return { tone: "info", text: `Exported ${plural(total, "note")}${c.count} to ${filename}.${c.left}` };
}

/** Markdown files, one for all articles or one per article (of one article when `articleId` is given). */
export async function exportMarkdown(split: "article" | "all", articleId?: string): Promise<Report> {
  const r = await notesOp({
    op: "export",
    format: "markdown",
    split,
    ...(articleId ? { articleId } : {}),
  });
  if (!r.ok) return { tone: "error", text: `Nothing was exported: ${r.message}` };
  const { files } = await addToMarkdown(r.value, split, articleId);
  for (const f of files) download(f.text, f.name, "text/markdown");
  const names = files.map((f) => f.name);
  return { tone: "info", text: `Exported Markdown: ${plural(names.length, "file")} (${names.join(", ")}).` };
}

/** A file the reader chose, too large, unreadable or read and imported (then `imported` is called); `reading` is
 *  told once it is being read. */
export async function importFile(
  file: File,
  reading: (r: Report) => void,
  imported: () => void,
): Promise<Report> {
  if (file.size > LIMITS.importBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      tone: "error",
      text: `“${file.name}” is too large (${mb(file.size)}, at most ${mb(LIMITS.importBytes)}). Nothing was changed.`,
    };
  }
  reading({ tone: "info", text: `Importing “${file.name}”…` });
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return {
      tone: "error",
      text: `“${file.name}” could not be read (${(e as Error).message}). Nothing was changed.`,
    };
  }
  const r = await notesOp({ op: "import", text });
  if (!r.ok) return { tone: "error", text: `Nothing was imported: ${r.message}` };
  const { added, skippedDuplicates, format } = r.value;
  // The corrections in a Web Annotation file (a Hypothesis file has none): merged, counted, bad ones named.
  const corrections = format === "hypothesis" ? null : importedSentence(await importCorrections(text));
  const items = r.value.rejected.filter((x) => x.index !== null);
  const whole = r.value.rejected.filter((x) => x.index === null);
  // Listed in the file's order: rejected notes, rejected corrections, local corrections kept.
  const rejected = corrections
    ? [...r.value.rejected, ...corrections.rejected, ...corrections.kept].sort(
        (a, b) => (a.index ?? -1) - (b.index ?? -1),
      )
    : r.value.rejected;
  if (added === 0 && skippedDuplicates === 0 && items.length === 0 && whole.length > 0)
    return {
      tone: "error",
      text: `“${file.name}” could not be imported: ${whole.map((x) => x.reason).join(" ")} Nothing was changed.`,
    };
  imported();
  return format === "hypothesis"
    ? {
        // Hypothesis: leaving out page notes, replies and other pages is expected, not an error.
        tone: "info",
        text: `Imported ${plural(added, "note")} from Hypothesis, skipped ${plural(skippedDuplicates, "duplicate")}, not imported ${items.length.toLocaleString("en-GB")}${items.length ? " (why, below)" : ""}.`,
        rejected,
      }
    : {
        tone: items.length || whole.length || corrections?.rejected.length ? "error" : "info",
        text: `Imported ${plural(added, "note")}, skipped ${plural(skippedDuplicates, "duplicate")}, rejected ${items.length.toLocaleString("en-GB")}.${corrections?.text ?? ""}`,
        rejected,
      };
}
