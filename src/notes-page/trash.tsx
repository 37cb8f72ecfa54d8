// The trash of the notes page: notes the reader deleted, kept LIMITS.trashDays days, each restorable or deleted
// for good (that one asks twice). Reloaded whenever the notes change.
import { useEffect, useState } from "preact/hooks";
import { momentDayLabel } from "../model/date-labels";
import { LIMITS } from "../model/limits";
import type { Note } from "../model/notes";
import { notesOp } from "../shared/messaging";

const DAY_MS = 24 * 3600 * 1000;
const day = momentDayLabel;

export function Trash(props: { version: number; label: (articleId: string) => string }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void notesOp({ op: "trash" }).then((r) => {
      if (r.ok) setNotes(r.value);
      else setMessage(`The trash could not be read: ${r.message}`);
    });
  }, [props.version, reload]);

  const act = async (op: "restore" | "purge", n: Note) => {
    const r = await notesOp({ op, id: n.id });
    setConfirming(null);
    setMessage(r.ok ? (op === "restore" ? "Note restored." : "Note deleted for good.") : r.message);
    setReload((v) => v + 1);
  };

  if (!notes?.length && !message) return null;
  return (
    <section aria-labelledby="trash-h" class="np-trash" data-testid="trash">
      <h2 id="trash-h">Trash ({notes?.length ?? 0})</h2>
      <p class="muted">Deleted notes stay here for {LIMITS.trashDays} days, then they are gone for good.</p>
      <p aria-live="polite" data-testid="trash-message">
        {message}
      </p>
      <ol class="np-notes">
        {notes?.map((n) => {
          const deleted = Date.parse(n.deleted ?? "");
          return (
            <li key={n.id} class="np-note" data-testid="trash-note">
              <blockquote>
                {n.target.exact.length > 240 ? `${n.target.exact.slice(0, 237)}…` : n.target.exact}
              </blockquote>
              <p class="note-body">{n.body}</p>
              <p class="muted">
                {props.label(n.articleId)} · deleted {day(deleted)}, kept until{" "}
                {day(deleted + LIMITS.trashDays * DAY_MS)}
              </p>
              <div class="row">
                <button type="button" onClick={() => void act("restore", n)} data-testid="trash-restore">
                  Restore
                </button>
                {confirming === n.id ? (
                  <>
                    <button
                      type="button"
                      onClick={() => void act("purge", n)}
                      data-testid="trash-purge-confirm"
                    >
                      Yes, delete it for good
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirming(n.id)} data-testid="trash-purge">
                    Delete for good…
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
