// The reader's corrections of an attribution found on this device (issue 18), in the sidebar beside its entry:
// "Hide" it, or "Wrong speaker" and type the right one. Kept in storage.local (src/analysis/corrections.ts); the
// page analyses again when they change, and at every visit.
import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CORRECTIONS_KEY, type Correction, type Corrections, passageKey } from "../analysis/corrections";

/** Kept with the page's address and the time (decision 0009: exported with the notes, merged on import). */
async function save(pageId: string, url: string | undefined, exact: string, c: Correction): Promise<void> {
  const stored = (await browser.storage.local.get(CORRECTIONS_KEY)) as { corrections?: Corrections };
  const all = stored.corrections ?? {};
  const made: Correction = { ...c, ...(url ? { url } : {}), at: new Date().toISOString() };
  all[pageId] = { ...all[pageId], [passageKey(exact)]: made };
  await browser.storage.local.set({ [CORRECTIONS_KEY]: all });
}

export function CorrectionButtons({
  pageId,
  url,
  exact,
  n,
}: {
  pageId: string;
  /** The page's address (without the fragment), when the sidebar's view has it. */
  url?: string | undefined;
  exact: string;
  n: number;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState("");
  const id = `speaker-${n}`;
  return (
    <span class="corrections">
      <button
        type="button"
        class="link"
        onClick={() => void save(pageId, url, exact, { hide: true })}
        data-testid={`hide-${n}`}
      >
        Hide
      </button>
      {" · "}
      <button
        type="button"
        class="link"
        onClick={() => setEditing(!editing)}
        data-testid={`wrong-speaker-${n}`}
      >
        Wrong speaker
      </button>
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim())
              void save(pageId, url, exact, { speaker: name.trim() }).then(() => setEditing(false));
          }}
        >
          <label for={id}>Who said it?</label>{" "}
          <input
            id={id}
            value={name}
            maxLength={200}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid={`speaker-input-${n}`}
          />{" "}
          <button type="submit" data-testid={`speaker-save-${n}`}>
            Save
          </button>
        </form>
      )}
    </span>
  );
}
