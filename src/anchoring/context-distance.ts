// How well the text next to a candidate agrees with a quote's prefix or suffix: a bit-parallel edit distance
// anchored at the candidate (Myers), over at most 64 characters of context.

/** The text compared with a context runs this many characters past the context's length (insertions). */
const SLACK = 8;

/** Pattern bit masks by character code for the bit-parallel distance (entries are reset after each use). */
let peq: Int32Array | null = null;
let row = new Int32Array(0);

/** The (at most 64) characters of context right after `at` (dir 1) or right before it (dir -1) are verbatim there. */
export function contextVerbatim(text: string, at: number, context: string, dir: 1 | -1): boolean {
  const m = Math.min(context.length, 64);
  return dir === 1
    ? text.startsWith(context.slice(0, m), at)
    : at >= m && text.startsWith(context.slice(context.length - m), at - m);
}

/**
 * Edit distance of the context's first m characters next to a candidate (its last m, read backwards, for dir -1)
 * against the text read outwards from `at` (onwards for dir 1, backwards for dir -1), for the best of the text's
 * first 0…n characters (the far end is free). Myers' bit-parallel algorithm (in Hyyrö's formulation, with the
 * text's start anchored: the top row grows by one per text character) for up to 32 characters of context — one
 * word per text character instead of a row of cells — else the plain dynamic programme.
 */
function anchoredDistance(
  context: string,
  m: number,
  text: string,
  at: number,
  n: number,
  dir: 1 | -1,
): number {
  const ctxAt = (i: number) => context.charCodeAt(dir === 1 ? i : context.length - 1 - i);
  const textAt = (j: number) => text.charCodeAt(dir === 1 ? at + j : at - 1 - j);
  let best = m;
  if (m <= 32) {
    peq ??= new Int32Array(65536);
    for (let i = 0; i < m; i++) peq[ctxAt(i)] = (peq[ctxAt(i)] as number) | (1 << i);
    const high = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = 0; j < n; j++) {
      const eq = peq[textAt(j)] as number;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    for (let i = 0; i < m; i++) peq[ctxAt(i)] = 0;
    return best;
  }
  if (row.length < n + 1) row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = ctxAt(i - 1);
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const up = row[j] as number;
      row[j] = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (pc === textAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  for (let j = 0; j <= n; j++) best = Math.min(best, row[j] as number);
  return best;
}

/**
 * Agreement 0..1 of a context string with the page text next to a candidate: 1 - edit distance / length, with
 * the context aligned to start right at `at` (dir 1, a suffix) or to end right at it (dir -1, a prefix, compared
 * backwards). The far end is free, so text inserted right next to the quote costs what it displaces, no more.
 * At most 64 characters of context are compared; an empty context agrees (1).
 */
export function contextSimilarity(text: string, at: number, context: string, dir: 1 | -1): number {
  if (contextVerbatim(text, at, context, dir)) return 1;
  const m = Math.min(context.length, 64);
  const n = dir === 1 ? Math.min(m + SLACK, text.length - at) : Math.min(m + SLACK, at);
  if (n <= 0) return 0;
  return 1 - anchoredDistance(context, m, text, at, n, dir) / m;
}
