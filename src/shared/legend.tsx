// The highlight kinds as the reader sees them (popup, options, sidebar): labels and hints from the one table of
// src/model/kinds.ts, swatches in the colours ui.css takes from it.
import { KINDS, type KindRow } from "../model/kinds";
import type { HighlightKind } from "../model/protocol";

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every highlight kind of the message protocol has its row (a kind missing from the table fails to compile). */
const ROWS: Record<HighlightKind, KindRow> = KINDS;

export const KIND_LABELS: Record<HighlightKind, { label: string; hint: string }> = Object.fromEntries(
  Object.values(ROWS).map((r) => [r.id, { label: r.label, hint: capitalised(r.description) }]),
) as Record<HighlightKind, { label: string; hint: string }>;

export function Swatch({ kind }: { kind: HighlightKind }) {
  return <span class={`swatch swatch-${kind}`} aria-hidden="true" />;
}
