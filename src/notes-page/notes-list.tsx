// The notes page's list: how many notes are shown, the empty and no-match messages, and the notes themselves.
import type { Note } from "../model/notes";
import { type ArticleInfo, articleLabel, plural } from "./labels";
import { NoteItem } from "./note-item";
import type { Find } from "./use-find";

export function NotesList(props: {
  all: Note[] | null;
  find: Find;
  articles: Map<string, ArticleInfo>;
  loadError: string | null;
}) {
  const { all, find, articles, loadError } = props;
  const { hits, words, articleId, tag } = find;
  const total = all?.length ?? 0;
  const shown = hits?.length ?? 0;
  return (
    <section aria-labelledby="list-h" class="np-list">
      <h2 id="list-h">Notes</h2>
      {loadError && (
        <p role="alert" class="error" data-testid="load-error">
          {loadError}
        </p>
      )}
      {all && hits && (
        <p class="muted" aria-live="polite" data-testid="count">
          {find.filtered ? `Showing ${shown} of ${plural(total, "note")}.` : `${plural(total, "note")}.`}
        </p>
      )}
      {all && total === 0 && (
        <div class="np-empty" data-testid="empty">
          <p>You have not written any notes yet.</p>
          <p>
            To write one, open one of the articles the extension recognises, select a passage, then choose the
            “Note” button that appears beside it, “Add note” in the context menu, or press{" "}
            <kbd>Alt+Shift+M</kbd>. The note is written in the sources sidebar and appears here.
          </p>
        </div>
      )}
      {total > 0 && hits && shown === 0 && (
        <p data-testid="no-match">
          No note matches{words.trim() ? ` “${words.trim()}”` : ""}
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
  );
}
