// The options page's section for the local index of analysed pages (issue 18; src/analysis/local-index.ts): turn
// it on or off, see what it holds, search it, export it, erase it.
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { INDEX_ON_KEY, isIndexOn, localIndex } from "../analysis/local-index";
import type { FoundQuote, IndexTotals } from "../analysis/local-index-store";

export function LocalIndexSection() {
  const [on, setOn] = useState(false);
  const [totals, setTotals] = useState<IndexTotals>({ pages: 0, quotes: 0 });
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<FoundQuote[]>([]);
  /** The query the results shown are for. */
  const [answered, setAnswered] = useState("");
  const reload = () => {
    void isIndexOn().then(setOn);
    void localIndex()
      .then((i) => i.totals())
      .then(setTotals);
  };
  useEffect(reload, []);
  // A search starts when the typing pauses; a newer query stops an older one.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void localIndex()
        .then((i) => i.search(query, 50, () => !current))
        .then((r) => {
          if (!current) return;
          setFound(r);
          setAnswered(query);
        });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const exportIt = async () => {
    const all = await (await localIndex()).all();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(all, null, 2)], { type: "application/json" }));
    a.download = "source-annotator-local-index.json";
    a.click();
  };
  return (
    <section aria-labelledby="index-h">
      <h2 id="index-h">What else has this person said</h2>
      <label class="switch">
        <input
          type="checkbox"
          checked={on}
          onChange={async (e) => {
            const next = e.currentTarget.checked;
            await browser.storage.local.set({ [INDEX_ON_KEY]: next });
            setOn(next);
          }}
          data-testid="local-index"
        />{" "}
        Keep an index of the quotations found on the pages I have analysed, so that a speaker's card lists
        what they said on my other pages (kept in this browser only, never sent anywhere)
      </label>
      <p data-testid="local-index-size">
        {totals.pages} pages, {totals.quotes} quotations
      </p>
      <label for="index-search">Search the index</label>{" "}
      <input
        id="index-search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        data-testid="index-search"
      />
      {found.length > 0 && (
        <ul data-testid="index-results">
          {found.map((x) => (
            <li key={`${x.page.url}:${x.quote.exact}`}>
              {x.quote.speaker}: “{x.quote.exact}” — {x.page.publisher}, {x.page.dateLabel}
            </li>
          ))}
        </ul>
      )}
      {found.length === 0 && answered.trim() && (
        <p data-testid="index-no-results" role="status">
          No quotation in the index matches “{answered.trim()}”.
        </p>
      )}
      <p>
        <button type="button" onClick={exportIt} disabled={!totals.pages} data-testid="export-local-index">
          Export the index
        </button>{" "}
        <button
          type="button"
          onClick={async () => {
            await (await localIndex()).erase();
            reload();
          }}
          data-testid="erase-local-index"
        >
          Erase the index
        </button>
      </p>
    </section>
  );
}
