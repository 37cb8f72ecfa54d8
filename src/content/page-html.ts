// The page's HTML for an analysis (analysed.ts), serialised in steps: `documentElement.outerHTML` is one native
// call, and on a page of megabytes (a story under thousands of comments) one long task of the extension's. Here a
// big element (over 256 elements inside it) is opened and its children serialised one by one, pausing between
// them, until `max` characters are there. Elements are counted, not text: reading textContent to measure an
// element built its whole text (13 ms for the body of a 4 MB page, again for its comments; the count takes under
// 1 ms). An element of few elements and megabytes of text is rare and still serialised whole.
// Tags and text are written as the browser's serialiser writes them; nothing is cloned (a clone of a custom
// element would run the page's code).
import type { Steps } from "../anchoring/steps";

/** An element with more elements than this inside it is opened rather than serialised whole. */
const OPEN_ABOVE = 256;
const RAW_TEXT = new Set([
  "script",
  "style",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "plaintext",
  "noscript",
]);

const escapeText = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/\u00a0/g, "&nbsp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const escapeAttr = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/\u00a0/g, "&nbsp;")
    .replace(/"/g, "&quot;");

function startTag(el: Element): string {
  let tag = `<${el.localName}`;
  for (const a of el.attributes) tag += ` ${a.name}="${escapeAttr(a.value)}"`;
  return `${tag}>`;
}

function serialise(n: Node): string {
  if (n.nodeType === 1) return (n as Element).outerHTML;
  if (n.nodeType === 3) {
    const parent = n.parentNode as Element | null;
    return parent && RAW_TEXT.has(parent.localName) ? (n as Text).data : escapeText((n as Text).data);
  }
  if (n.nodeType === 8) return `<!--${(n as Comment).data}-->`;
  return "";
}

/**
 * documentElement.outerHTML, up to `max` characters, in steps (a pause after each child of an opened element), as
 * chunks of at most `chunk` characters each, joined one a step: the messages that carry it are that size, and one
 * join of a 4 MB page's parts took 21–49 ms of a single slice in Firefox (the slices timed in the page).
 */
export function* pageHtml(doc: Document, max: number, chunk: number): Steps<string[]> {
  const parts: string[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  function* write(el: Element): Generator<undefined, boolean, undefined> {
    const html = el.namespaceURI === "http://www.w3.org/1999/xhtml";
    const open =
      el === doc.documentElement ||
      (html && el.childElementCount > 0 && el.getElementsByTagName("*").length > OPEN_ABOVE);
    if (!open) {
      push(el.outerHTML);
      return length >= max;
    }
    push(startTag(el));
    for (const child of el.childNodes) {
      if (child.nodeType === 1) {
        if (yield* write(child as Element)) return true;
      } else push(serialise(child));
      if (length >= max) return true;
      yield;
    }
    push(`</${el.localName}>`);
    return length >= max;
  }
  yield* write(doc.documentElement);
  const chunks: string[] = [];
  let group: string[] = [];
  let room = chunk; // what the chunk being gathered can still take
  let left = max;
  for (const whole of parts) {
    let s = whole.length > left ? whole.slice(0, left) : whole;
    left -= s.length;
    while (s.length >= room) {
      group.push(s.slice(0, room));
      s = s.slice(room);
      chunks.push(group.join(""));
      group = [];
      room = chunk;
      yield;
    }
    if (s) {
      group.push(s);
      room -= s.length;
    }
    if (left === 0) break;
  }
  if (group.length) chunks.push(group.join(""));
  return chunks;
}
