// Anchoring: place dataset targets (TextQuote + TextPosition selectors) into a live DOM, and describe a reader's
// selection as a target. See text.ts (DOM-free matching) and dom.ts (text index, Ranges).
export {
  type Anchored,
  type AnchorOptions,
  type AnchorTarget,
  anchorAll,
  buildTextIndex,
  describeRange,
  type Located,
  locateAll,
  rangeFor,
  type TextIndex,
  type TextIndexOptions,
} from "./dom";
export {
  type MatchMethod,
  type MatchOptions,
  matchQuote,
  type NormalizedText,
  normalize,
  type QuoteMatch,
} from "./text";
