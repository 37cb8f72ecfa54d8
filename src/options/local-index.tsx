// The options page's section for the local index of analysed pages (issue 18; src/analysis/local-index.ts): turn
// it on or off, see what it holds, search it, export it, erase it.
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { INDEX_KEY, INDEX_ON_KEY, type LocalIndex } from "../analysis/local-index";

export function LocalIndexSection() {
  const [on, setOn] = useState(false);
  const [index, setIndex] = useState<LocalIndex>({});
  const [query, setQuery] = useState("");
  const reload = () =>
    void browser.storage.local.get([INDEX_ON_KEY, INDEX_KEY]).then((r) => {
      setOn(r[INDEX_ON_KEY] === true);
      setIndex((r[INDEX_KEY] as LocalIndex | undefined) ?? {});
    });
  useEffect(reload, []);
  const pages = Object.entries(index);
  const quotes = pages.flatMap(([, p]) => p.quotes.map((q) => ({ ...q, page: p })));
  const q = query.trim().toLowerCase();
  const found = q
    ? quotes.filter((x) => `${x.speaker} ${x.exact}`.toLowerCase().includes(q)).slice(0, 50)
    : [];
  const exportIt = () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(index, null, 2)], { type: "application/json" }));
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
        {pages.length} pages, {quotes.length} quotations
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
            <li key={`${x.page.url}:${x.exact}`}>
              {x.speaker}: “{x.exact}” — {x.page.publisher}, {x.page.dateLabel}
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" onClick={exportIt} disabled={!pages.length} data-testid="export-local-index">
          Export the index
        </button>{" "}
        <button
          type="button"
          onClick={async () => {
            await browser.storage.local.remove(INDEX_KEY);
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
