// Where on a page the article's text most likely is. News pages wrap the story in an <article>, <main> or a
// container named for it; navigation, comment threads and related-story boxes sit outside it. Reading that region
// first keeps recognition and anchoring proportional to the article, not to the page (a 500 KB comment thread).

/** Containers that hold a story on news sites (and the 2011 markup of the three publishers). */
const REGION_SELECTOR = 'article, main, [role="main"], [itemprop="articleBody"], #article, #story';
/** A region with less text than this is a teaser or a caption, not the story. */
const MIN_REGION_CHARS = 1000;

/** The candidate container with the most text (at least MIN_REGION_CHARS) and that text, or null: then read the
 *  whole body. */
export function articleRegionText(doc: Document): { region: Element; text: string } | null {
  let best: { region: Element; text: string } | null = null;
  for (const el of doc.querySelectorAll(REGION_SELECTOR)) {
    const text = el.textContent ?? "";
    if (text.length >= MIN_REGION_CHARS && text.length > (best?.text.length ?? 0))
      best = { region: el, text };
  }
  return best;
}

export const articleRegion = (doc: Document): Element | null => articleRegionText(doc)?.region ?? null;
