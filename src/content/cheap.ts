// The cheap test of whether a page is an article (issue 18), shared by status.js and content.js: the page says
// so (og:type "article", schema.org *Article in its JSON-LD, an <article> element) and has enough paragraph
// text. Section fronts and search results (many teasers, little running text) are left alone. One native
// selector query for the signs, one for the paragraphs; no layout, no text walk.
const MIN_PARAGRAPH_CHARS = 800;
const MIN_PARAGRAPHS = 4;

const REGION = 'article, [itemprop="articleBody"]';
/** Every sign the test reads, found in one query, in document order. */
const SIGNS = `meta[property="og:type"], script[type="application/ld+json"], ${REGION}`;
const LD_ARTICLE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion)?Article"/;

export function looksLikeArticle(doc: Document): boolean {
  let says = false; // the page says it is an article: its (first) og:type, or a JSON-LD *Article
  let og = false;
  let region: Element | null = null; // the first article element
  const signs = doc.querySelectorAll(SIGNS);
  if (!signs.length) return false; // most section fronts: nothing more to look at
  for (const el of signs) {
    if (el.matches(REGION)) region ??= el;
    else if (el.localName === "meta") {
      if (!og) says ||= /article/i.test(el.getAttribute("content") ?? "");
      og = true;
    } else says ||= LD_ARTICLE.test(el.textContent ?? "");
  }
  if (!says && !region) return false;
  // Paragraphs of running text, in the article element if there is one (a front's teasers are short).
  let chars = 0;
  let count = 0;
  for (const p of (region ?? doc).querySelectorAll("p")) {
    const n = p.textContent?.length ?? 0;
    if (n < 80) continue;
    count++;
    chars += n;
    if (count >= MIN_PARAGRAPHS && chars >= MIN_PARAGRAPH_CHARS) return true;
  }
  return false;
}
