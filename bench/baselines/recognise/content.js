// Baseline: the least a content script does to recognise a known article by the page's text, as content.js does
// on a candidate address — from document_start, a listener for the extension's messages; once parsing ends (or in
// the next frame), the address matched by one pattern, the text of the article region or of the body read once,
// folded as the probes are (NFKD, lowercase, marks and separators dropped by regular expressions) and 32 probe
// strings looked for in it; then a MutationObserver for text that arrives later. No message, no storage, no site
// data file, no article part: one function each, none of our code.
const PROBES = Array.from({ length: 32 }, (_, i) => ` the rebels said on day ${i} `);
let found = null;
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.type === "status") reply({ articleId: found });
});
const recognise = () => {
  if (!/^\/\d{4}\/\d{2}\//.test(location.pathname) && !/\/20\d\d\//.test(location.pathname)) return;
  const region = document.querySelector(
    'article, main, [role="main"], [itemprop="articleBody"], #article, #story',
  );
  const regionText = region?.textContent ?? "";
  const text = regionText.length >= 1000 ? regionText : (document.body?.textContent ?? "");
  const page = ` ${text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f'`´‘’]+/g, "")
    .replace(/[^0-9a-z\u00c0-\u1fff]+/g, " ")
    .trim()} `;
  let hits = 0;
  for (const p of PROBES) if (page.includes(p)) hits++;
  found = hits >= 16 ? "article" : null;
  new MutationObserver(() => {}).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
};
let done = false;
const once = () => {
  if (done || document.readyState === "loading") return;
  done = true;
  recognise();
};
document.addEventListener("readystatechange", once);
const frame = () => {
  once();
  if (!done) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
