// A list of any length in the page's own scroll: past WHOLE_UP_TO rows, only those near the viewport are in the
// DOM (50,000 notes would be 50,000 subtrees), the others are the list's padding above and below, sized from the heights measured
// so far and their average for the rest. Each row says where it is in the whole list (aria-posinset, -setsize),
// so a screen reader announces "note 4,012 of 50,000". Keyboard: one tab stop (the current row's article,
// roving tabindex), ↑ ↓ Page Up/Down, Home and End move between rows, bringing the target into the DOM first; Tab
// reaches the links within the row. The browser's scroll anchoring keeps the view still when measured heights
// differ from the estimate.
import type { ComponentChild } from "preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { rowAfterKey, rowOffsets, visibleRows } from "./windowing";

/** Rendered beyond the viewport on each side, in pixels (so Tab and a wheel step find their row there). */
const OVERSCAN_PX = 800;
const FIRST_ESTIMATE_PX = 170;
/** A list this short is rendered whole: nothing to save, and the browser's find (Ctrl+F) then sees every row. */
const WHOLE_UP_TO = 50;

export interface RowProps {
  /** The row's article: its tab stop and where the keys move focus. */
  tabIndex: number;
}

export function VirtualList<T>(props: {
  items: T[];
  keyOf: (item: T) => string;
  row: (item: T, rowProps: RowProps) => ComponentChild;
  /** Attributes of a row's list item (test ids, data-). */
  rowAttrs?: (item: T) => Record<string, string>;
  class?: string;
  testId?: string;
}) {
  const { items, keyOf } = props;
  const list = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [range, setRange] = useState({ from: 0, to: Math.min(items.length, 20) });
  const [active, setActive] = useState(0);
  const focusNext = useRef<number | null>(null);

  const estimate = useMemo(() => {
    let sum = 0;
    for (const h of heights.current.values()) sum += h;
    return heights.current.size ? sum / heights.current.size : FIRST_ESTIMATE_PX;
    // measured: the heights changed
  }, [measured]);
  const offsets = useMemo(
    () => rowOffsets(items.length, (i) => heights.current.get(keyOf(items[i] as T)) ?? estimate),
    [items, keyOf, estimate, measured],
  );

  /** The rows in or near the viewport, now. */
  const update = useCallback(() => {
    const el = list.current;
    if (!el) return;
    const top = -el.getBoundingClientRect().top;
    const next = visibleRows(offsets, top - OVERSCAN_PX, top + window.innerHeight + OVERSCAN_PX, active);
    setRange((r) => (r.from === next.from && r.to === next.to ? r : next));
  }, [offsets, active]);

  useLayoutEffect(update, [update]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [update]);

  const n = items.length;
  const at = Math.min(active, Math.max(0, n - 1));
  const whole = n <= WHOLE_UP_TO;
  const from = whole ? 0 : Math.min(range.from, n);
  const to = whole ? n : Math.min(range.to, n);

  // Once rendered: measure the rows, and focus the row a key moved to.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    let changed = false;
    for (const li of el.children as HTMLCollectionOf<HTMLElement>) {
      const key = li.dataset.key;
      const h = li.offsetHeight;
      if (key !== undefined && h > 0 && heights.current.get(key) !== h) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setMeasured((m) => m + 1);
    const target = focusNext.current;
    if (target !== null && target >= from && target < to) {
      focusNext.current = null;
      const article = el.children[target - from]?.querySelector<HTMLElement>("[tabindex]");
      article?.focus({ preventScroll: true });
      article?.closest("li")?.scrollIntoView({ block: "nearest" });
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-index]");
    // Only on a row's article itself: within it, the keys are the links' (and the page's, to scroll).
    if (!li || e.target !== li.querySelector("[tabindex]")) return;
    const page = Math.max(1, Math.floor(window.innerHeight / estimate) - 1);
    const next = rowAfterKey(e.key, Number(li.dataset.index), n, page);
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    setActive(next);
    focusNext.current = next;
    // Bring it into the DOM: scroll to where it is (estimated), then the layout effect focuses it.
    const el = list.current;
    if (el && (next < from || next >= to)) {
      const y = window.scrollY + el.getBoundingClientRect().top + (offsets[next] as number);
      window.scrollTo({ top: Math.max(0, y - window.innerHeight / 3) });
      const top = (offsets[next] as number) - window.innerHeight / 3;
      setRange(visibleRows(offsets, top - OVERSCAN_PX, top + window.innerHeight + OVERSCAN_PX, next));
    }
  };
  const onFocusIn = (e: FocusEvent) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-index]");
    if (li) setActive(Number(li.dataset.index));
  };

  return (
    <ol
      ref={list}
      class={props.class}
      data-testid={props.testId}
      style={{
        paddingTop: `${offsets[from] ?? 0}px`,
        paddingBottom: `${(offsets[n] ?? 0) - (offsets[to] ?? 0)}px`,
      }}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      {items.slice(from, to).map((item, k) => {
        const i = from + k;
        return (
          <li
            key={keyOf(item)}
            {...props.rowAttrs?.(item)}
            data-key={keyOf(item)}
            data-index={i}
            aria-setsize={n}
            aria-posinset={i + 1}
          >
            {props.row(item, { tabIndex: i === at ? 0 : -1 })}
          </li>
        );
      })}
    </ol>
  );
}
