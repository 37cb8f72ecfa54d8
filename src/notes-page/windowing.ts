// The arithmetic of the notes page's virtual list (virtual-list.tsx): where each row starts, given the heights
// measured so far and an estimate for the others, and which rows lie within a stretch of the list. Pure.

/** offsets[i]: where row i starts; offsets[n]: the list's height. */
export function rowOffsets(n: number, heightOf: (i: number) => number): Float64Array {
  const offsets = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + heightOf(i);
  return offsets;
}

/** The first row that ends below `y` (n when none does). */
function firstEndingBelow(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid + 1] as number) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rows [from, to) that overlap the stretch [top, bottom) of the list (in the list's own coordinates, the
 * overscan already added); at least one row when there are any, and `keep` (a row that must stay, such as the
 * focused one) added when it is next to them.
 */
export function visibleRows(
  offsets: Float64Array,
  top: number,
  bottom: number,
  keep?: number,
): { from: number; to: number } {
  const n = offsets.length - 1;
  if (n === 0) return { from: 0, to: 0 };
  let from = Math.min(firstEndingBelow(offsets, top), n - 1);
  let to = Math.max(from + 1, firstEndingBelow(offsets, bottom - 1e-6) + 1);
  to = Math.min(to, n);
  if (keep !== undefined && keep >= 0 && keep < n) {
    if (keep === from - 1) from = keep;
    if (keep === to) to = keep + 1;
  }
  return { from, to };
}

/** The row after moving `key` from row `at` in a list of `n` rows, `page` rows to a screen; null: not a move. */
export function rowAfterKey(key: string, at: number, n: number, page: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  switch (key) {
    case "ArrowDown":
      return clamp(at + 1);
    case "ArrowUp":
      return clamp(at - 1);
    case "PageDown":
      return clamp(at + Math.max(1, page));
    case "PageUp":
      return clamp(at - Math.max(1, page));
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return null;
  }
}
