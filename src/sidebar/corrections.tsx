// The reader's corrections of an attribution found on this device (issue 18), in the sidebar beside its entry:
// "Hide" it, or "Wrong speaker" and type the right one. Kept in storage.local (src/analysis/corrections.ts); the
// page analyses again when they change, and at every visit.
import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { CORRECTIONS_KEY, type Correction, type Corrections, passageKey } from "../analysis/corrections";

async function save(pageId: string, exact: string, c: Correction): Promise<void> {
  const stored = (await browser.storage.local.get(CORRECTIONS_KEY)) as { corrections?: Corrections };
  const all = stored.corrections ?? {};
  all[pageId] = { ...all[pageId], [passageKey(exact)]: c };
  await browser.storage.local.set({ [CORRECTIONS_KEY]: all });
}

export function CorrectionButtons({ pageId, exact, n }: { pageId: string; exact: string; n: number }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState("");
  const id = `speaker-${n}`;
  return (
    <span class="corrections">
      <button
        type="button"
        class="link"
        onClick={() => void save(pageId, exact, { hide: true })}
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
            if (name.trim()) void save(pageId, exact, { speaker: name.trim() }).then(() => setEditing(false));
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
