// The cheap test of whether a page is an article (issue 18), shared by status.js and content.js: the page says
// so (og:type "article", schema.org *Article in its JSON-LD, an <article> element) and has enough paragraph
// text. Section fronts and search results (many teasers, little running text) are left alone. A few native
// selector calls; no layout, no text walk.
const MIN_PARAGRAPH_CHARS = 800;
const MIN_PARAGRAPHS = 4;

/** Any of the signs looked at below: a page with none (most section fronts) is answered with this one query. */
const ANY_SIGN =
  'meta[property="og:type"], script[type="application/ld+json"], article, [itemprop="articleBody"]';

export function looksLikeArticle(doc: Document): boolean {
  if (!doc.querySelector(ANY_SIGN)) return false;
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute("content") ?? "";
  let says = /article/i.test(og);
  if (!says)
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]'))
      if (
        /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion)?Article"/.test(s.textContent ?? "")
      ) {
        says = true;
        break;
      }
  const region = doc.querySelector('article, [itemprop="articleBody"]');
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
