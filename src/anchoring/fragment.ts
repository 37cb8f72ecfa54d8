// Links to a passage with a text fragment (https://wicg.github.io/scroll-to-text-fragment/): the browser scrolls
// to the passage and highlights it. A short passage is quoted whole; a long one by its first and last words.
// With the passage's context (a note's prefix and suffix), up to three words on each side, within the passage's
// paragraph, are added as the directive's prefix- and -suffix, so a passage that occurs more than once ("Qaddafi")
// links to the right occurrence (test/notes/fragment.test.ts measures this on every passage of the dataset).

/** Percent-encoding for a text directive: "-", "," and "&" are its syntax, so they are encoded too. */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C");

const CONTEXT_WORDS = 3;

/** The `text=` value for a passage: the whole text up to 8 words, else "first 4 words,last 4 words". */
function textDirective(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  return words.length <= 8
    ? enc(words.join(" "))
    : `${enc(words.slice(0, 4).join(" "))},${enc(words.slice(-4).join(" "))}`;
}

/**
 * Up to three whole words of the context next to the passage, in its paragraph: the end of the prefix, the start
 * of the suffix. A context that is not cut by a line break may begin (prefix) or end (suffix) inside a word: that
 * word is left out.
 */
export function contextWords(context: string, side: "prefix" | "suffix"): string {
  const br = side === "prefix" ? context.lastIndexOf("\n") : context.indexOf("\n");
  const segment = br < 0 ? context : side === "prefix" ? context.slice(br + 1) : context.slice(0, br);
  const words = segment.split(/\s+/).filter(Boolean);
  if (br < 0 && side === "prefix" && !/^\s/.test(context)) words.shift();
  if (br < 0 && side === "suffix" && !/\s$/.test(context)) words.pop();
  return (side === "prefix" ? words.slice(-CONTEXT_WORDS) : words.slice(0, CONTEXT_WORDS)).join(" ");
}

/** `url` (its own fragment dropped) with a text fragment for the passage, and its context when given. */
export function withTextFragment(
  url: string,
  text: string,
  context?: { prefix?: string; suffix?: string },
): string {
  const hash = url.indexOf("#");
  const prefix = context?.prefix ? contextWords(context.prefix, "prefix") : "";
  const suffix = context?.suffix ? contextWords(context.suffix, "suffix") : "";
  const directive = `${prefix ? `${enc(prefix)}-,` : ""}${textDirective(text)}${suffix ? `,-${enc(suffix)}` : ""}`;
  return `${hash < 0 ? url : url.slice(0, hash)}#:~:text=${directive}`;
}
