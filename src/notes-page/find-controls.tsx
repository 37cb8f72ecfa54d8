// The notes page's "Find notes" section: search field, article and tag filters, sort order.
import type { Find, SortKey } from "./use-find";
import { SORTS } from "./use-find";

export function FindControls({ find, articles }: { find: Find; articles: { id: string; label: string }[] }) {
  return (
    <section aria-labelledby="find-h" class="np-find">
      <h2 id="find-h">Find notes</h2>
      <search class="np-controls">
        <div class="np-field np-search">
          <label for="np-query">Search notes, passages and tags</label>
          <input
            id="np-query"
            type="search"
            value={find.query}
            autocomplete="off"
            data-testid="search"
            onInput={(e) => find.setQuery(e.currentTarget.value)}
          />
        </div>
        <div class="np-field">
          <label for="np-article">Article</label>
          <select
            id="np-article"
            value={find.articleId}
            data-testid="article-filter"
            onChange={(e) => find.setArticleId(e.currentTarget.value)}
          >
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div class="np-field">
          <label for="np-tag">Tag</label>
          <select
            id="np-tag"
            value={find.tag}
            data-testid="tag-filter"
            onChange={(e) => find.setTag(e.currentTarget.value)}
          >
            <option value="">All tags</option>
            {find.tagCounts.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
        </div>
        <div class="np-field">
          <label for="np-sort">Sort by</label>
          <select
            id="np-sort"
            value={find.sort}
            data-testid="sort"
            onChange={(e) => find.setSort(e.currentTarget.value as SortKey)}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </search>
    </section>
  );
}
