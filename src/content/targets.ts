// What a highlight on the page stands for: a target of the dataset or one of the reader's notes. Typed, so no
// code has to tell them apart by the shape of an id string.
import type { HighlightKind } from "../model/protocol";

export type TargetRef = { kind: "target"; id: string } | { kind: "note"; id: string };

/** One placed highlight: what it is, how it is painted, and where it is in the page. */
export interface Anchor {
  ref: TargetRef;
  kind: HighlightKind;
  range: Range;
}

export const sameRef = (a: TargetRef | null | undefined, b: TargetRef | null | undefined): boolean =>
  a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id);
