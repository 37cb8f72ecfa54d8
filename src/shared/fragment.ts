// Links to a passage with a text fragment (https://wicg.github.io/scroll-to-text-fragment/): the browser scrolls
// to the passage and highlights it. A short passage is quoted whole; a long one by its first and last words.

/** Percent-encoding for a text directive: "-" and "," are its syntax, so they are encoded too. */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C");

/** The `text=` value for a passage: the whole text up to 8 words, else "first 4 words,last 4 words". */
function textDirective(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  return words.length <= 8
    ? enc(words.join(" "))
    : `${enc(words.slice(0, 4).join(" "))},${enc(words.slice(-4).join(" "))}`;
}

/** `url` (its own fragment dropped) with a text fragment for the passage. */
export function withTextFragment(url: string, text: string): string {
  const hash = url.indexOf("#");
  return `${hash < 0 ? url : url.slice(0, hash)}#:~:text=${textDirective(text)}`;
}
