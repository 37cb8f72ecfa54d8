// Export and import of the reader's notes, as the notes page asks the background for them: each answers with what
// the page should tell the reader (a Report), never a thrown error.

import { localIsoDay } from "../model/date-labels";
import { LIMITS } from "../model/limits";
import { notesOp } from "../shared/messaging";
import { download } from "./download";
import { plural } from "./labels";
import type { Report } from "./report";

/** Every note (or one article's) as one W3C Web Annotation collection, downloaded. */
export async function exportNotes(only?: string): Promise<Report> {
  const r = await notesOp({ op: "export", ...(only ? { articleId: only } : {}) });
  if (!r.ok) return { tone: "error", text: `Nothing was exported: ${r.message}` };
  // The collection's total, read from its head (not the whole file parsed again: 50,000 notes make 40–60 MB).
  const total = Number(/"total":\s*(\d+)/.exec(r.value.slice(0, 4096))?.[1] ?? 0);
  const filename = `source-annotator-notes-${only ? `${only}-` : ""}${localIsoDay()}.jsonld`;
  download(r.value, filename);
  return { tone: "info", text: `Exported ${plural(total, "note")} to ${filename}.` };
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
  for (const f of r.value) download(f.text, f.name, "text/markdown");
  const names = r.value.map((f) => f.name);
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
  const { added, skippedDuplicates, rejected, format } = r.value;
  const items = rejected.filter((x) => x.index !== null);
  const whole = rejected.filter((x) => x.index === null);
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
        tone: items.length || whole.length ? "error" : "info",
        text: `Imported ${plural(added, "note")}, skipped ${plural(skippedDuplicates, "duplicate")}, rejected ${items.length.toLocaleString("en-GB")}.`,
        rejected,
      };
}
