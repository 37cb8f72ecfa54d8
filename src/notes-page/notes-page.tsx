// The notes page: every note the reader wrote, across articles. Search (body and passage), filter by article,
// sort by date, open a note's passage in its article, export to and import from W3C Web Annotations (JSON-LD).
// Notes come from the background's notes service; this page never opens the database itself. Note text is
// only ever rendered as text (Preact elements, no HTML).
import { useMemo } from "preact/hooks";
import { useCorrections } from "./corrections";
import { CorrectionsSection } from "./corrections-section";
import { FilesSection } from "./files-section";
import { FindControls } from "./find-controls";
import { articleLabel } from "./labels";
import { NotesList } from "./notes-list";
import { Trash } from "./trash";
import { useFind } from "./use-find";
import { useNotes } from "./use-notes";

export function NotesPage() {
  const { articles, notes, version, loadError, reload } = useNotes();
  const find = useFind(notes);
  const { articleId, articleIds } = find;
  const withNotes = useMemo(
    () =>
      [...new Set([...articleIds, ...(articleId ? [articleId] : [])])]
        .map((id) => ({ id, label: articleLabel(id, articles.get(id)) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [articleIds, articleId, articles],
  );
  const corrections = useCorrections();
  return (
    <main>
      <header>
        <h1>Your notes</h1>
        <p class="muted">
          Kept in this browser's extension storage only: never sent anywhere, readable by no web page.
        </p>
      </header>
      <FindControls find={find} articles={withNotes} />
      <FilesSection
        articleId={articleId}
        total={notes.index?.size ?? 0}
        articleHasNotes={articleIds.has(articleId)}
        corrections={corrections.length}
        onImported={reload}
      />
      <NotesList notes={notes} find={find} articles={articles} loadError={loadError} />
      <CorrectionsSection corrections={corrections} />
      <Trash version={version} label={(id) => articleLabel(id, articles.get(id))} />
    </main>
  );
}
