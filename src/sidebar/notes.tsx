// The reader's notes on this article, in the sidebar (an extension page: note bodies are never in the page).
// Write (the passage comes as a draft from the page), list in reading order, edit, delete with undo, re-attach a
// note whose passage is gone. Keys typed here stay in this frame: the page's shortcuts never see them.
import { useEffect, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { DEFAULT_NOTE_COLOUR, NOTE_PALETTE, type NoteColour, noteColourStyle } from "../model/colours";
import { momentLabel } from "../model/date-labels";
import type { Note } from "../model/notes";
import type { ContentRequest, NoteDraft, SidebarIntent, Status } from "../model/protocol";
import type { ContentReply } from "../model/replies";
import { notesOp } from "../shared/messaging";
import { ColourName, ColourPicker, TagList, TagsInput } from "../shared/note-fields";

const UNDO_MS = 8000;

const when = momentLabel;

/** What the editor saves. */
interface Written {
  body: string;
  tags: string[];
  colour: NoteColour;
}

function Editor(props: {
  quote: string;
  initial?: string;
  initialTags?: string[];
  initialColour?: NoteColour;
  /** The reader's tags, for completion. */
  known: string[];
  /** Distinguishes the ids of several editors. */
  idBase: string;
  onSave: (written: Written) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(props.initial ?? "");
  const [tags, setTags] = useState<string[]>(props.initialTags ?? []);
  const [colour, setColour] = useState<NoteColour>(props.initialColour ?? DEFAULT_NOTE_COLOUR);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const save = async () => {
    if (!body.trim()) return setError("Write something first.");
    setSaving(true);
    // On failure (a full disk, say) the text stays here, with the reason.
    setError(await props.onSave({ body, tags, colour }));
    setSaving(false);
  };
  return (
    <form
      class="editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <blockquote>{props.quote}</blockquote>
      <label for={`${props.idBase}-body`} class="visually-hidden">
        Your note
      </label>
      <textarea
        id={`${props.idBase}-body`}
        ref={area}
        rows={5}
        value={body}
        data-testid="note-body"
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === "Escape") {
            e.stopPropagation();
            props.onCancel();
          }
        }}
      />
      <TagsInput tags={tags} onChange={setTags} known={props.known} id={`${props.idBase}-tags`} />
      <ColourPicker value={colour} onChange={setColour} name={`${props.idBase}-colour`} />
      {error && (
        <p role="alert" class="error" data-testid="note-error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" disabled={saving} data-testid="note-save">
          Save <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Two versions of one note: the reader's unsaved edit and the one saved elsewhere meanwhile. */
function Conflict(props: { mine: string; theirs: Note; done: (message: string) => void }) {
  const { mine, theirs } = props;
  const keepBoth = async () => {
    const draft: NoteDraft = {
      articleId: theirs.articleId,
      url: theirs.url,
      target: theirs.target,
      ...(theirs.attachedTo ? { attachedTo: theirs.attachedTo } : {}),
    };
    const r = await notesOp({ op: "add", draft, body: mine });
    props.done(r.ok ? "Both versions kept: yours is a new note on the same passage." : r.message);
  };
  const keepMine = async () => {
    const r = await notesOp({ op: "update", id: theirs.id, body: mine, base: theirs.modified });
    props.done(r.ok ? "Your version saved; the other one was replaced." : r.message);
  };
  return (
    <div class="conflict" role="alert" data-testid="note-conflict">
      <p>This note was changed elsewhere (another sidebar or the notes page) while you were editing it.</p>
      <p class="muted">Saved there, {when(theirs.modified)}:</p>
      <p class="note-body">{theirs.body}</p>
      <p class="muted">Yours, not saved yet:</p>
      <p class="note-body">{mine}</p>
      <div class="row">
        <button type="button" onClick={() => void keepBoth()} data-testid="conflict-keep-both">
          Keep both
        </button>
        <button type="button" onClick={() => void keepMine()} data-testid="conflict-keep-mine">
          Keep mine
        </button>
        <button type="button" onClick={() => props.done("Your edit was discarded.")}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}

export function Notes(props: {
  articleId: string;
  status: Status;
  toPage: <M extends ContentRequest>(m: M) => Promise<ContentReply<M> | null>;
  intent?: SidebarIntent;
}) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [orphaned, setOrphaned] = useState<string[]>(props.status.notes?.orphaned ?? []);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: string; theirs: Note } | null>(null);
  const [known, setKnown] = useState<string[]>([]);
  /** Only notes of this colour are listed ("" for all). */
  const [colourFilter, setColourFilter] = useState<NoteColour | "">("");

  const reload = async () => {
    const r = await notesOp({ op: "list", articleId: props.articleId });
    if (r.ok) setNotes(r.value);
    else setMessage(r.message);
    const t = await notesOp({ op: "tags" });
    if (t.ok) setKnown(t.value.map((x) => x.tag));
    const s = await props.toPage({ type: "status" });
    if (s?.notes) setOrphaned(s.notes.orphaned);
  };
  /** What the content script opened us on (through the background): the draft waiting, or a note. */
  const show = async (intent: SidebarIntent | undefined) => {
    if (!intent) return;
    if ("draft" in intent) {
      const r = await notesOp({ op: "take-draft" });
      if (r.ok && r.value) setDraft(r.value);
    } else {
      document.getElementById(`note-${intent.note}`)?.scrollIntoView({ block: "center" });
      (document.querySelector(`#note-${CSS.escape(intent.note)} .note-body`) as HTMLElement | null)?.focus();
    }
  };
  useEffect(() => {
    void reload().then(() => show(props.intent));
    const onMessage = (m: unknown) => {
      if ((m as { type?: string } | null)?.type === "notes-changed") void reload();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const setMessageAndClear = (text: string) => {
    setConflict(null);
    setMessage(text);
  };
  const remove = async (n: Note) => {
    const r = await notesOp({ op: "remove", id: n.id });
    if (!r.ok) return setMessage(r.message);
    setUndo(n);
    setTimeout(() => setUndo((u) => (u?.id === n.id ? null : u)), UNDO_MS);
  };
  const reattach = async (n: Note) => {
    const sel = await props.toPage({ type: "selection" });
    if (!sel) return setMessage("Select the passage in the article first, then choose Re-attach.");
    const r = await notesOp({ op: "reattach", id: n.id, draft: sel });
    setMessage(r.ok ? "Note re-attached." : r.message);
  };

  const shown = colourFilter
    ? notes.filter((n) => (n.colour ?? DEFAULT_NOTE_COLOUR) === colourFilter)
    : notes;
  const placed = shown.filter((n) => !orphaned.includes(n.id));
  const unplaced = shown.filter((n) => orphaned.includes(n.id));
  const item = (n: Note, isUnplaced: boolean) => (
    <li key={n.id} id={`note-${n.id}`} class="note" data-testid="note">
      <blockquote>
        {n.target.exact.length > 240 ? `${n.target.exact.slice(0, 237)}…` : n.target.exact}
      </blockquote>
      {conflict?.theirs.id === n.id && <Conflict {...conflict} done={setMessageAndClear} />}
      {editing === n.id ? (
        <Editor
          quote=""
          initial={n.body}
          initialTags={n.tags ?? []}
          initialColour={n.colour ?? DEFAULT_NOTE_COLOUR}
          known={known}
          idBase={`edit-${n.id}`}
          onSave={async ({ body, tags, colour }) => {
            const r = await notesOp({
              op: "update",
              id: n.id,
              body,
              base: n.modified,
              tags,
              colour,
            });
            if (!r.ok && r.code === "conflict" && r.current) {
              // Changed elsewhere since this edit began: never drop either version without the reader's choice.
              setConflict({ mine: body, theirs: r.current });
              setEditing(null);
              return null;
            }
            if (!r.ok) return r.message;
            setEditing(null);
            return null;
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <>
          <p class="note-body" tabIndex={-1} data-testid="note-text">
            {n.body}
          </p>
          <TagList tags={n.tags} />
        </>
      )}
      <p class="muted">
        <ColourName colour={n.colour} /> · Written {when(n.created)}
        {n.modified !== n.created ? ` · edited ${when(n.modified)}` : ""}
      </p>
      <div class="row">
        {!isUnplaced && (
          <button
            type="button"
            class="link"
            onClick={() => void props.toPage({ type: "reveal-note", id: n.id })}
          >
            Show
          </button>
        )}
        <button type="button" class="link" onClick={() => setEditing(n.id)} data-testid="note-edit">
          Edit
        </button>
        <button type="button" class="link" onClick={() => void remove(n)} data-testid="note-delete">
          Delete
        </button>
        {isUnplaced && (
          <button type="button" class="link" onClick={() => void reattach(n)} data-testid="note-reattach">
            Re-attach to the selected text
          </button>
        )}
      </div>
    </li>
  );

  return (
    <section aria-labelledby="notes-h" class="notes">
      <h2 id="notes-h">Your notes ({notes.length})</h2>
      {notes.length > 0 && (
        <div class="row">
          <label for="colour-filter">Show</label>
          <select
            id="colour-filter"
            value={colourFilter}
            data-testid="colour-filter"
            onChange={(e) => setColourFilter(e.currentTarget.value as NoteColour | "")}
          >
            <option value="">Notes of every colour</option>
            {NOTE_PALETTE.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} notes ({notes.filter((n) => (n.colour ?? DEFAULT_NOTE_COLOUR) === c.id).length})
              </option>
            ))}
          </select>
        </div>
      )}
      {colourFilter && shown.length === 0 && (
        <p class="muted" data-testid="colour-filter-empty">
          No {noteColourStyle(colourFilter).label.toLowerCase()} notes on this article.
        </p>
      )}
      <div aria-live="polite">
        {message && <p class="muted">{message}</p>}
        {undo && (
          <p class="undo">
            Note deleted.{" "}
            <button
              type="button"
              class="link"
              data-testid="note-undo"
              onClick={async () => {
                await notesOp({ op: "restore", id: undo.id });
                setUndo(null);
              }}
            >
              Undo
            </button>
          </p>
        )}
      </div>
      {draft && (
        <Editor
          quote={draft.target.exact}
          known={known}
          idBase="new-note"
          onSave={async ({ body, tags, colour }) => {
            const r = await notesOp({ op: "add", draft, body, tags, colour });
            if (!r.ok) return r.code === "quota" ? `Not saved: ${r.message}` : r.message;
            setDraft(null);
            return null;
          }}
          onCancel={() => setDraft(null)}
        />
      )}
      {notes.length === 0 && !draft && (
        <p class="muted">Select text in the article and choose “Note” (or Alt+Shift+M) to write one.</p>
      )}
      <ol class="note-list">{placed.map((n) => item(n, false))}</ol>
      {unplaced.length > 0 && (
        <>
          <h3>Notes whose passage is not on this page ({unplaced.length})</h3>
          <ol class="note-list" data-testid="unplaced-notes">
            {unplaced.map((n) => item(n, true))}
          </ol>
        </>
      )}
    </section>
  );
}
