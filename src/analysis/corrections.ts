// The reader's corrections of what was found on this device (issue 18): "hide" an attribution, or "wrong speaker"
// with the right one typed. Kept in storage.local under `corrections`, by analysed page id and by the passage's
// words (a page's attributions have no stable ids of their own), applied at every analysis of the page.

export interface Correction {
  hide?: true;
  /** The speaker as the reader named them. */
  speaker?: string;
}
/** Analysed page id → the passage's words (first 200 characters) → the correction. */
export type Corrections = Record<string, Record<string, Correction>>;

export const CORRECTIONS_KEY = "corrections";
export const passageKey = (exact: string) => exact.replace(/\s+/g, " ").trim().slice(0, 200);

export function isCorrection(v: unknown): v is Correction {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    (c.hide === undefined || c.hide === true) &&
    (c.speaker === undefined ||
      (typeof c.speaker === "string" && c.speaker.length > 0 && c.speaker.length <= 200))
  );
}
