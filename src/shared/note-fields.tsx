// A note's tags and colour, as the sidebar's editor and the notes page show and edit them. Colours always come
// with their name: never colour alone.
import { useState } from "preact/hooks";
import { NOTE_PALETTE, type NoteColour, noteColourStyle, seenHex } from "../model/colours";
import { LIMITS } from "../model/limits";

const dark = () => typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;

/** A small sample of a note colour, as the page paints it (for the page's scheme). */
export function ColourSwatch({ colour }: { colour: NoteColour | undefined }) {
  const scheme = dark() ? "dark" : "light";
  // Opaque, as the mark shows on a page of the scheme (marks are blended into the page, not laid over it).
  return (
    <span
      class="swatch swatch-colour"
      aria-hidden="true"
      style={{ background: seenHex("mark", noteColourStyle(colour)[scheme].background, scheme) }}
    />
  );
}

/** The colour and name of a note's colour, for a note's details. */
export function ColourName({ colour }: { colour: NoteColour | undefined }) {
  return (
    <span class="note-colour" data-testid="note-colour">
      <ColourSwatch colour={colour} /> {noteColourStyle(colour).label}
    </span>
  );
}

/** A radio group of the palette: arrow keys move between colours (native radios). */
export function ColourPicker(props: { value: NoteColour; onChange: (c: NoteColour) => void; name: string }) {
  return (
    <fieldset class="colour-picker" data-testid="colour-picker">
      <legend>Colour</legend>
      {NOTE_PALETTE.map((c) => (
        <label key={c.id} class="colour-option">
          <input
            type="radio"
            name={props.name}
            value={c.id}
            checked={props.value === c.id}
            data-testid={`colour-${c.id}`}
            onChange={() => props.onChange(c.id)}
          />
          <ColourSwatch colour={c.id} /> {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Tags: the note's tags as a list (each with a button to remove it) and a field to add one, with completion from
 * the reader's tags (a <datalist>). Enter or a comma adds the typed tag.
 */
export function TagsInput(props: {
  tags: string[];
  onChange: (tags: string[]) => void;
  known: string[];
  id: string;
}) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = (raw: string) => {
    const tag = raw.replace(/[,\s]+/g, " ").trim();
    setText("");
    if (!tag) return;
    if (tag.length > LIMITS.tag) return setProblem(`A tag has at most ${LIMITS.tag} characters.`);
    if (props.tags.some((t) => t.toLocaleLowerCase("en") === tag.toLocaleLowerCase("en"))) return;
    if (props.tags.length >= LIMITS.tagsPerNote)
      return setProblem(`A note has at most ${LIMITS.tagsPerNote} tags.`);
    setProblem(null);
    props.onChange([...props.tags, tag]);
  };
  const suggestions = props.known.filter((k) => !props.tags.includes(k));
  return (
    <div class="tags-input">
      <label for={props.id}>Tags</label>
      {props.tags.length > 0 && (
        <ul class="tag-list" aria-label="Tags of this note" data-testid="editor-tags">
          {props.tags.map((t) => (
            <li key={t} class="tag">
              {t}
              <button
                type="button"
                class="link"
                aria-label={`Remove tag ${t}`}
                onClick={() => props.onChange(props.tags.filter((x) => x !== t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={props.id}
        type="text"
        list={`${props.id}-known`}
        value={text}
        autocomplete="off"
        aria-describedby={`${props.id}-hint`}
        data-testid="tag-input"
        onInput={(e) => {
          const v = e.currentTarget.value;
          // A comma ends a tag; a value picked from the list is added whole.
          if (v.includes(",")) add(v);
          else if (props.known.includes(v) && !(e as InputEvent).inputType?.startsWith("insertText")) add(v);
          else setText(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add(e.currentTarget.value);
          }
        }}
        onBlur={(e) => add(e.currentTarget.value)}
      />
      <datalist id={`${props.id}-known`}>
        {suggestions.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <p id={`${props.id}-hint`} class="muted hint">
        Enter or a comma adds a tag; your tags are suggested as you type.
      </p>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A note's tags, as text. */
export function TagList({ tags }: { tags: string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <ul class="tag-list" aria-label="Tags" data-testid="note-tags">
      {tags.map((t) => (
        <li key={t} class="tag">
          {t}
        </li>
      ))}
    </ul>
  );
}
