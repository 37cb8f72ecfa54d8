// The notes page's "Export and import" section: the buttons, the file input and the live region that reports.
import { useState } from "preact/hooks";
import { type Report, ReportView } from "./report";
import { exportMarkdown, exportNotes, importFile } from "./transfer";

export function FilesSection(props: {
  /** The article filter, if one is chosen. */
  articleId: string;
  total: number;
  /** The chosen article has notes. */
  articleHasNotes: boolean;
  /** How many corrections of analysed pages there are: exported with the notes (decision 0009). */
  corrections?: number;
  /** Notes were imported: read them again. */
  onImported: () => void;
}) {
  const { articleId } = props;
  // Corrections alone are worth exporting too.
  const total = props.total + (props.corrections ?? 0);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (job: () => Promise<Report>) => {
    setBusy(true);
    try {
      setReport(await job());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="files-h" class="np-files">
      <h2 id="files-h">Export and import</h2>
      <p class="muted">
        Files are W3C Web Annotations (JSON-LD), readable by other annotation tools and by this extension in
        another browser; or Markdown for a note app (Obsidian, Logseq, plain files). Import reads Web
        Annotations and Hypothesis exports (the client's export or an API search result).
      </p>
      <div class="row">
        <button
          type="button"
          disabled={busy || total === 0}
          onClick={() => void run(() => exportNotes())}
          data-testid="export-all"
        >
          Export all notes
        </button>
        {articleId && (
          <button
            type="button"
            disabled={busy || !props.articleHasNotes}
            onClick={() => void run(() => exportNotes(articleId))}
            data-testid="export-article"
          >
            Export this article's notes
          </button>
        )}
      </div>
      <div class="row">
        <button
          type="button"
          disabled={busy || total === 0}
          onClick={() => void run(() => exportMarkdown("all", articleId || undefined))}
          data-testid="export-markdown-all"
        >
          Markdown, one file{articleId ? "" : " for all articles"}
        </button>
        {!articleId && (
          <button
            type="button"
            disabled={busy || total === 0}
            onClick={() => void run(() => exportMarkdown("article"))}
            data-testid="export-markdown-articles"
          >
            Markdown, one file per article
          </button>
        )}
      </div>
      <div class="np-field np-import">
        <label for="np-import">Import notes from a file</label>
        <input
          id="np-import"
          type="file"
          accept=".json,.jsonld,application/ld+json,application/json"
          disabled={busy}
          data-testid="import"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void run(() => importFile(file, setReport, props.onImported)).finally(() => {
              // The same file can be chosen again.
              input.value = "";
            });
          }}
        />
      </div>
      <div aria-live="polite" role="status" data-testid="live">
        {report && <ReportView report={report} />}
      </div>
    </section>
  );
}
