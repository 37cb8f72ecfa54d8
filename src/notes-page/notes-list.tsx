// The notes page's list: how many notes are shown, the empty and no-match messages, and the notes themselves in a
// virtual list (only the rows near the viewport are in the DOM).
import type { Note } from "../model/notes";
import { type ArticleInfo, articleLabel, plural } from "./labels";
import { NoteItem } from "./note-item";
import type { Find } from "./use-find";
import type { Notes } from "./use-notes";
import { VirtualList } from "./virtual-list";

const keyOf = (n: Note) => n.id;
const rowAttrs = (n: Note) => ({ "data-testid": "note", "data-note-id": n.id, class: "np-row" });

export function NotesList(props: {
  notes: Notes;
  find: Find;
  articles: Map<string, ArticleInfo>;
  loadError: string | null;
}) {
  const { notes, find, articles, loadError } = props;
  const { hits, words, articleId, tag, terms } = find;
  const { index, complete } = notes;
  const total = complete ? (index?.size ?? 0) : notes.total;
  const shown = hits?.length ?? 0;
  return (
    <section aria-labelledby="list-h" class="np-list">
      <h2 id="list-h">Notes</h2>
      {loadError && (
        <p role="alert" class="error" data-testid="load-error">
          {loadError}
        </p>
      )}
      {index && hits && complete && (
        <p class="muted" aria-live="polite" data-testid="count">
          {find.filtered ? `Showing ${shown} of ${plural(total, "note")}.` : `${plural(total, "note")}.`}
        </p>
      )}
      {index && !complete && (
        <p class="muted" data-testid="loading">
          Reading your notes: {index.size.toLocaleString("en-GB")} of {plural(total, "note")}…
        </p>
      )}
      {index && complete && total === 0 && (
        <div class="np-empty" data-testid="empty">
          <p>You have not written any notes yet.</p>
          <p>
            To write one, open one of the articles the extension recognises, select a passage, then choose the
            “Note” button that appears beside it, “Add note” in the context menu, or press{" "}
            <kbd>Alt+Shift+M</kbd>. The note is written in the sources sidebar and appears here.
          </p>
        </div>
      )}
      {complete && total > 0 && hits && shown === 0 && (
        <p data-testid="no-match">
          No note matches{words.trim() ? ` “${words.trim()}”` : ""}
          {articleId ? ` in ${articleLabel(articleId, articles.get(articleId))}` : ""}
          {tag ? ` tagged “${tag}”` : ""}.
        </p>
      )}
      {hits && shown > 0 && (
        <VirtualList
          items={hits}
          keyOf={keyOf}
          rowAttrs={rowAttrs}
          class="np-notes np-vlist"
          testId="notes"
          row={(n, { tabIndex }) => (
            <NoteItem note={n} terms={terms} article={articles.get(n.articleId)} tabIndex={tabIndex} />
          )}
        />
      )}
      {!index && !loadError && <p>Loading your notes…</p>}
    </section>
  );
}
