// Is a text English news prose? The rules read English only: a text in another language, or with too few words,
// is reported and left out rather than read wrongly.

const FUNCTION_WORDS = new Set(
  "the a an and or but of to in on at for with by from as is are was were be been has have had it its he she they we i you his her their that this which who said says not no".split(
    " ",
  ),
);

export interface LanguageCheck {
  ok: boolean;
  /** Why not, in a few words ("empty", "not English (3% English function words)"). */
  reason?: string;
}

export function checkEnglish(text: string): LanguageCheck {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (!text.trim()) return { ok: false, reason: "empty" };
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 20) return { ok: false, reason: `too short (${words.length} words)` };
  const latin = letters.filter((c) => /[A-Za-z\u00C0-\u024F]/.test(c)).length / letters.length;
  if (latin < 0.8) return { ok: false, reason: "not English (mostly non-Latin script)" };
  const share = words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length;
  if (share < 0.12)
    return { ok: false, reason: `not English (${Math.round(share * 100)}% English function words)` };
  return { ok: true };
}
