// The notes page's list of the reader's corrections of attributions found on this device (decision 0009): page by
// page, each passage with what the reader said of it and an "Undo". Shown only when there are corrections.
import { useState } from "preact/hooks";
import type { PageCorrection } from "../analysis/corrections";
import { undoCorrection } from "./corrections";
import { plural } from "./labels";

const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function CorrectionsSection({ corrections }: { corrections: PageCorrection[] }) {
  const [message, setMessage] = useState("");
  if (!corrections.length && !message) return null;
  const pages = new Map<string, PageCorrection[]>();
  for (const c of corrections) pages.set(c.pageId, [...(pages.get(c.pageId) ?? []), c]);
  const address = (list: PageCorrection[]) => list.find((c) => c.correction.url)?.correction.url;
  // By address; pages whose address is not known last.
  const sorted = [...pages].sort(
    ([, x], [, y]) =>
      Number(!address(x)) - Number(!address(y)) || (address(x) ?? "").localeCompare(address(y) ?? ""),
  );
  const undo = async (c: PageCorrection) => {
    try {
      await undoCorrection(c.pageId, c.passage);
      setMessage(`Correction of “${short(c.passage, 60)}” undone: the page shows what was found there.`);
    } catch (e) {
      setMessage(`The correction could not be undone: ${(e as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="corrections-h" class="np-corrections" data-testid="corrections">
      <h2 id="corrections-h">Your corrections ({corrections.length})</h2>
      <p class="muted">
        Attributions found on this device that you hid or gave another speaker, in the sidebar: applied each
        time the page is analysed, exported and imported with the notes.
      </p>
      <p aria-live="polite" data-testid="corrections-message">
        {message}
      </p>
      {sorted.map(([pageId, list]) => {
        const url = address(list);
        return (
          <div key={pageId} class="np-note" data-testid="corrections-page">
            <h3 class="np-article">
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </a>
              ) : (
                `A page corrected before its address was kept (${pageId})`
              )}
            </h3>
            <p class="muted">{plural(list.length, "correction")}</p>
            <ul class="np-corrections-list">
              {list.map((c) => (
                <li key={c.passage} data-testid="correction">
                  <q>{short(c.passage)}</q> —{" "}
                  {c.correction.speaker ? (
                    <>
                      said by <strong>{c.correction.speaker}</strong>
                    </>
                  ) : (
                    "hidden"
                  )}{" "}
                  <button
                    type="button"
                    class="link"
                    aria-label={`Undo the correction of “${short(c.passage, 60)}”`}
                    onClick={() => void undo(c)}
                    data-testid="correction-undo"
                  >
                    Undo
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
