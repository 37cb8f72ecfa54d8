// The notes page: every note the reader wrote, across articles. Search (body and passage), filter by article,
// sort by date, open a note's passage in its article, export to and import from W3C Web Annotations (JSON-LD).
// Notes come from the background's notes service; this page never opens the database itself. Note text is
// only ever rendered as text (Preact elements, no HTML).
import { type ComponentChild, render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { withTextFragment } from "../anchoring/fragment";
import { momentLabel } from "../model/date-labels";
import { LIMITS } from "../model/limits";
import type { Note, Rejection } from "../model/notes";
import { type SearchHit, searchNotes, type TextRange } from "../notes/search";
import { notesOp } from "../shared/messaging";
import { ColourName, TagList } from "../shared/note-fields";
import { Trash } from "./trash";

/** One entry of data/articles.json. */
interface ArticleInfo {
  id: string;
  publisher: string;
  headline?: string;
  urls: string[];
  dateLabel: string;
}

type SortKey = "modified-desc" | "modified-asc" | "created-desc" | "created-asc";
const SORTS: { key: SortKey; label: string }[] = [
  { key: "modified-desc", label: "Last edited, newest first" },
  { key: "modified-asc", label: "Last edited, oldest first" },
  { key: "created-desc", label: "Written, newest first" },
  { key: "created-asc", label: "Written, oldest first" },
];

/** What the live region says after an export or an import. */
interface Report {
  tone: "info" | "error";
  text: string;
  rejected?: Rejection[];
}

const SEARCH_DEBOUNCE_MS = 150;
const QUOTE_MAX = 240;
/** Rejections listed one by one; the rest are counted. */
const REJECTIONS_SHOWN = 100;

async function loadArticles(): Promise<Map<string, ArticleInfo>> {
  const res = await fetch(browser.runtime.getURL("data/articles.json"));
  const list = (await res.json()) as ArticleInfo[];
  return new Map(list.map((a) => [a.id, a]));
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const when = momentLabel;

const articleLabel = (id: string, a: ArticleInfo | undefined) =>
  a ? (a.headline ? `${a.publisher}: “${a.headline}”` : `${a.publisher}, ${a.dateLabel}`) : id;

/** Where "Open in the article" goes: the article's known address (https first), else the note's own page. */
function passageLink(note: Note, article: ArticleInfo | undefined): string | null {
  const base = article?.urls.find((u) => u.startsWith("https:")) ?? article?.urls[0] ?? note.url;
  return /^https?:\/\//i.test(base) ? withTextFragment(base, note.target.exact) : null;
}

/** "YYYY-MM-DD", local date. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Hand a text to the browser as a downloaded file. */
function download(text: string, filename: string, type = "application/ld+json"): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the blob after click() returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * At most `max` characters of `text`, around its first match when that would be cut off, with the ranges moved
 * to the excerpt; cut at word boundaries where possible.
 */
function clip(text: string, ranges: TextRange[], max: number) {
  if (text.length <= max) return { text, ranges, before: false, after: false };
  const first = ranges[0];
  let start = 0;
  if (first && first.end > max - 1) {
    start = Math.max(0, first.start - 60);
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  let end = Math.min(text.length, start + max - 1);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + max / 2) end = space;
    else if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  }
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start })),
    before: start > 0,
    after: end < text.length,
  };
}

/** Text with <mark> around the given ranges (sorted, not overlapping). */
function Marked({ text, ranges }: { text: string; ranges: TextRange[] }) {
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function NoteItem({ hit, article }: { hit: SearchHit; article: ArticleInfo | undefined }) {
  const { note } = hit;
  const quote = clip(note.target.exact, hit.exact, QUOTE_MAX);
  const href = passageLink(note, article);
  const headingId = `note-h-${note.id}`;
  return (
    <li class="np-note" data-testid="note" data-note-id={note.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} class="np-article" data-testid="note-article">
          {articleLabel(note.articleId, article)}
        </h3>
        <blockquote data-testid="note-quote">
          {quote.before && "…"}
          <Marked text={quote.text} ranges={quote.ranges} />
          {quote.after && "…"}
        </blockquote>
        <p class="np-body" data-testid="note-text">
          <Marked text={note.body} ranges={hit.body} />
        </p>
        <TagList tags={note.tags} />
        <p class="np-meta">
          <ColourName colour={note.colour} />
          <span data-testid="note-dates">
            Written <time dateTime={note.created}>{when(note.created)}</time>
            {note.modified !== note.created && (
              <>
                {" · edited "}
                <time dateTime={note.modified}>{when(note.modified)}</time>
              </>
            )}
          </span>
          {href && (
            <a href={href} target="_blank" rel="noopener noreferrer" data-testid="note-open">
              Open in the article
              <span class="visually-hidden"> ({articleLabel(note.articleId, article)})</span>
            </a>
          )}
        </p>
      </article>
    </li>
  );
}

function ImportReportView({ report }: { report: Report }) {
  const rejected = report.rejected ?? [];
  return (
    <div class={`np-report ${report.tone}`} data-testid="report">
      <p data-testid="report-text">{report.text}</p>
      {rejected.length > 0 && (
        <ul class="np-rejected" data-testid="rejected">
          {rejected.slice(0, REJECTIONS_SHOWN).map((r, i) => (
            <li key={i}>
              {r.index === null ? "The file" : `Item ${r.index + 1}`}: {r.reason}
            </li>
          ))}
          {rejected.length > REJECTIONS_SHOWN && (
            <li>… and {plural(rejected.length - REJECTIONS_SHOWN, "more")}.</li>
          )}
        </ul>
      )}
    </div>
  );
}

function NotesPage() {
  const [articles, setArticles] = useState<Map<string, ArticleInfo>>(new Map());
  const [all, setAll] = useState<Note[] | null>(null);
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [articleId, setArticleId] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<SortKey>("modified-desc");
  /** Bumped whenever the notes may have changed. */
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadArticles()
      .then(setArticles)
      .catch(() => setLoadError("The list of articles could not be read; notes are shown by article id."));
    const onMessage = (m: unknown) => {
      if ((m as { type?: unknown } | null)?.type === "notes-changed") setVersion((v) => v + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  useEffect(() => {
    void notesOp({ op: "all" }).then((r) => {
      if (r.ok) {
        setAll(r.value);
        setLoadError(null);
      } else setLoadError(`Your notes could not be read: ${r.message}`);
    });
  }, [version]);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);

  // Searched here, in the notes already read: one read of the store per change, not two.
  const hits = useMemo(() => {
    if (!all) return null;
    const [key, order] = sort.split("-") as ["created" | "modified", "asc" | "desc"];
    return searchNotes(all, debounced, {
      sort: key,
      order,
      ...(articleId ? { articleId } : {}),
      ...(tag ? { tag } : {}),
    });
  }, [all, debounced, articleId, tag, sort]);

  /** Every tag on the reader's notes, most used first. */
  const tagCounts = useMemo(() => {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const n of all ?? [])
      for (const t of n.tags ?? []) {
        const key = t.toLocaleLowerCase("en");
        const c = counts.get(key) ?? { tag: t, count: 0 };
        c.count++;
        counts.set(key, c);
      }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }, [all]);

  const withNotes = [...new Set([...(all ?? []).map((n) => n.articleId), ...(articleId ? [articleId] : [])])]
    .map((id) => ({ id, label: articleLabel(id, articles.get(id)) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const exportNotes = async (only?: string) => {
    setBusy(true);
    const r = await notesOp({ op: "export", ...(only ? { articleId: only } : {}) });
    setBusy(false);
    if (!r.ok) return setReport({ tone: "error", text: `Nothing was exported: ${r.message}` });
    const total = (JSON.parse(r.value) as { total?: number }).total ?? 0;
    const filename = `source-annotator-notes-${only ? `${only}-` : ""}${today()}.jsonld`;
    download(r.value, filename);
    setReport({ tone: "info", text: `Exported ${plural(total, "note")} to ${filename}.` });
  };

  const exportMarkdown = async (split: "article" | "all") => {
    setBusy(true);
    const r = await notesOp({
      op: "export",
      format: "markdown",
      split,
      ...(articleId ? { articleId } : {}),
    });
    setBusy(false);
    if (!r.ok) return setReport({ tone: "error", text: `Nothing was exported: ${r.message}` });
    for (const f of r.value) download(f.text, f.name, "text/markdown");
    const names = r.value.map((f) => f.name);
    setReport({
      tone: "info",
      text: `Exported Markdown: ${plural(names.length, "file")} (${names.join(", ")}).`,
    });
  };

  const importFile = async (file: File) => {
    if (file.size > LIMITS.importBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return setReport({
        tone: "error",
        text: `“${file.name}” is too large (${mb(file.size)}, at most ${mb(LIMITS.importBytes)}). Nothing was changed.`,
      });
    }
    setBusy(true);
    setReport({ tone: "info", text: `Importing “${file.name}”…` });
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setBusy(false);
      return setReport({
        tone: "error",
        text: `“${file.name}” could not be read (${(e as Error).message}). Nothing was changed.`,
      });
    }
    const r = await notesOp({ op: "import", text });
    setBusy(false);
    if (!r.ok) return setReport({ tone: "error", text: `Nothing was imported: ${r.message}` });
    const { added, skippedDuplicates, rejected, format } = r.value;
    const items = rejected.filter((x) => x.index !== null);
    const whole = rejected.filter((x) => x.index === null);
    if (added === 0 && skippedDuplicates === 0 && items.length === 0 && whole.length > 0) {
      return setReport({
        tone: "error",
        text: `“${file.name}” could not be imported: ${whole.map((x) => x.reason).join(" ")} Nothing was changed.`,
      });
    }
    setReport(
      format === "hypothesis"
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
          },
    );
    setVersion((v) => v + 1);
  };

  const total = all?.length ?? 0;
  const shown = hits?.length ?? 0;
  const filtered = Boolean(debounced.trim() || articleId || tag);

  return (
    <main>
      <header>
        <h1>Your notes</h1>
        <p class="muted">
          Kept in this browser's extension storage only: never sent anywhere, readable by no web page.
        </p>
      </header>

      <section aria-labelledby="find-h" class="np-find">
        <h2 id="find-h">Find notes</h2>
        <search class="np-controls">
          <div class="np-field np-search">
            <label for="np-query">Search notes, passages and tags</label>
            <input
              id="np-query"
              type="search"
              value={query}
              autocomplete="off"
              data-testid="search"
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <div class="np-field">
            <label for="np-article">Article</label>
            <select
              id="np-article"
              value={articleId}
              data-testid="article-filter"
              onChange={(e) => setArticleId(e.currentTarget.value)}
            >
              <option value="">All articles</option>
              {withNotes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div class="np-field">
            <label for="np-tag">Tag</label>
            <select
              id="np-tag"
              value={tag}
              data-testid="tag-filter"
              onChange={(e) => setTag(e.currentTarget.value)}
            >
              <option value="">All tags</option>
              {tagCounts.map((t) => (
                <option key={t.tag} value={t.tag}>
                  {t.tag} ({t.count})
                </option>
              ))}
            </select>
          </div>
          <div class="np-field">
            <label for="np-sort">Sort by</label>
            <select
              id="np-sort"
              value={sort}
              data-testid="sort"
              onChange={(e) => setSort(e.currentTarget.value as SortKey)}
            >
              {SORTS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </search>
      </section>

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
            onClick={() => void exportNotes()}
            data-testid="export-all"
          >
            Export all notes
          </button>
          {articleId && (
            <button
              type="button"
              disabled={busy || !all?.some((n) => n.articleId === articleId)}
              onClick={() => void exportNotes(articleId)}
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
            onClick={() => void exportMarkdown("all")}
            data-testid="export-markdown-all"
          >
            Markdown, one file{articleId ? "" : " for all articles"}
          </button>
          {!articleId && (
            <button
              type="button"
              disabled={busy || total === 0}
              onClick={() => void exportMarkdown("article")}
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
              void importFile(file).finally(() => {
                // The same file can be chosen again.
                input.value = "";
              });
            }}
          />
        </div>
        <div aria-live="polite" role="status" data-testid="live">
          {report && <ImportReportView report={report} />}
        </div>
      </section>

      <section aria-labelledby="list-h" class="np-list">
        <h2 id="list-h">Notes</h2>
        {loadError && (
          <p role="alert" class="error" data-testid="load-error">
            {loadError}
          </p>
        )}
        {all && hits && (
          <p class="muted" aria-live="polite" data-testid="count">
            {filtered ? `Showing ${shown} of ${plural(total, "note")}.` : `${plural(total, "note")}.`}
          </p>
        )}
        {all && total === 0 && (
          <div class="np-empty" data-testid="empty">
            <p>You have not written any notes yet.</p>
            <p>
              To write one, open one of the articles the extension recognises, select a passage, then choose
              the “Note” button that appears beside it, “Add note” in the context menu, or press{" "}
              <kbd>Alt+Shift+M</kbd>. The note is written in the sources sidebar and appears here.
            </p>
          </div>
        )}
        {total > 0 && hits && shown === 0 && (
          <p data-testid="no-match">
            No note matches{debounced.trim() ? ` “${debounced.trim()}”` : ""}
            {articleId ? ` in ${articleLabel(articleId, articles.get(articleId))}` : ""}
            {tag ? ` tagged “${tag}”` : ""}.
          </p>
        )}
        {hits && shown > 0 && (
          <ol class="np-notes" data-testid="notes">
            {hits.map((h) => (
              <NoteItem key={h.note.id} hit={h} article={articles.get(h.note.articleId)} />
            ))}
          </ol>
        )}
        {!all && !loadError && <p>Loading your notes…</p>}
      </section>

      <Trash version={version} label={(id) => articleLabel(id, articles.get(id))} />
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<NotesPage />, root);
