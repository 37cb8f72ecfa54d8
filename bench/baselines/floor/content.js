// Baseline: the least a content script can do to have an article's overlays in the page's first frame with its
// text — from document_start, the first frame after parsing ends; one TreeWalker pass over the body's text, a
// Range per target at known offsets (50 of them, no search, no recognition), registered with the CSS Custom
// Highlight API in four kinds, coloured by floor.css, which the browser adds before the page is parsed (a <style>
// added with the paint made the browser compute the page's style again: decision 0039). No message, no storage, no
// listener.
const TARGETS = 50;
const KINDS = ["quote", "statement", "speaker", "crossref"];
const paint = () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const starts = [];
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    starts.push(length);
    length += n.data.length;
  }
  const at = (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const i = Math.max(0, lo - 1);
    return [nodes[i], Math.min(offset - starts[i], nodes[i].data.length)];
  };
  const byKind = KINDS.map(() => []);
  const step = Math.floor(length / TARGETS);
  for (let k = 0; k < TARGETS; k++) {
    const range = document.createRange();
    range.setEnd(...at(k * step + Math.floor(step / 2)));
    range.setStart(...at(k * step));
    byKind[k % KINDS.length].push(range);
  }
  for (const [i, k] of KINDS.entries()) CSS.highlights.set(`floor-${k}`, new Highlight(...byKind[i]));
};
const frame = () =>
  document.readyState === "loading" || !document.body ? requestAnimationFrame(frame) : paint();
requestAnimationFrame(frame);
