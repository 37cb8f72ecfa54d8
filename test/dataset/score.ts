// Scores a built dataset against a hand-made gold file: direct quotes, their speakers, reported statements.
import type { Dataset, Entity } from "../../src/model/dataset";

export interface GoldItem {
  speaker: string;
  anonymous: boolean;
  via: string | null;
}
export interface GoldArticle {
  direct: (GoldItem & { quote: string; multiParagraph?: boolean })[];
  indirect: (GoldItem & { sentence: string })[];
  samePerson?: [string, string][];
  differentPeople?: [string, string][];
}
export interface Gold {
  articles: Record<string, GoldArticle>;
}

export interface Score {
  precision: number;
  recall: number;
  predicted: number;
  gold: number;
  correct: number;
  errors: string[];
}

const norm = (s: string) =>
  s
    .replace(/[“”"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[\s"]+|[\s,.;:"]+$/g, "")
    .toLowerCase();
const normName = (s: string) =>
  norm(s)
    .replace(/^(?:the|a|an)\s+/, "")
    .replace(/^(?:mr|mrs|ms|dr|col|colonel)\.?\s+/, "");

/** The entity a name names: its name or one of its aliases, ignoring articles, honorifics and case. */
export function entityNamed(d: Dataset, name: string): Entity | undefined {
  const k = normName(name);
  return (
    d.entities.find((e) => normName(e.name) === k) ??
    d.entities.find((e) => e.aliases.some((a) => normName(a) === k))
  );
}

function speakerMatches(d: Dataset, speakerId: string | null, speakerText: string, gold: string): boolean {
  const g = normName(gold);
  const e = d.entities.find((x) => x.id === speakerId);
  if (e && (normName(e.name) === g || e.aliases.some((a) => normName(a) === g))) return true;
  // An unnamed source may be described at more or less length ("a senior official at the regional council").
  if (e?.anonymous && (normName(e.name).startsWith(g) || normName(speakerText).startsWith(g))) return true;
  return normName(speakerText) === g;
}

function viaMatches(d: Dataset, via: string | null, gold: string | null): boolean {
  if (gold === null) return via === null;
  return via !== null && via === entityNamed(d, gold)?.id;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Direct quotations: a prediction is right when its quote is the gold quote; `withSpeaker` also asks for the speaker. */
export function scoreDirect(d: Dataset, gold: Gold, withSpeaker: boolean): Score {
  const errors: string[] = [];
  let correct = 0;
  let predicted = 0;
  let total = 0;
  for (const [articleId, g] of Object.entries(gold.articles)) {
    const preds = d.attributions.filter((a) => a.articleId === articleId && a.kind === "direct");
    predicted += preds.length;
    total += g.direct.length;
    const used = new Set<string>();
    for (const item of g.direct) {
      const p = preds.find(
        (a) =>
          !used.has(a.id) &&
          (norm(a.target.exact) === norm(item.quote) ||
            (item.multiParagraph && norm(a.target.exact).startsWith(norm(item.quote)))),
      );
      if (!p) {
        errors.push(`${articleId}: missed quote “${item.quote.slice(0, 60)}”`);
        continue;
      }
      used.add(p.id);
      if (withSpeaker) {
        const ok =
          speakerMatches(d, p.speaker, p.speakerText, item.speaker) &&
          p.anonymous === item.anonymous &&
          viaMatches(d, p.via, item.via);
        if (!ok) {
          const name = d.entities.find((e) => e.id === p.speaker)?.name ?? p.speakerText;
          errors.push(
            `${articleId}: “${item.quote.slice(0, 40)}” → ${name} (anon ${p.anonymous}, via ${p.via}); gold ${item.speaker} (anon ${item.anonymous}, via ${item.via})`,
          );
          continue;
        }
      }
      correct++;
    }
    for (const p of preds)
      if (!used.has(p.id)) errors.push(`${articleId}: spurious quote “${p.target.exact.slice(0, 60)}”`);
  }
  return {
    precision: ratio(correct, predicted),
    recall: ratio(correct, total),
    predicted,
    gold: total,
    correct,
    errors,
  };
}

/** Reported statements: a prediction is right when its passage overlaps the gold sentence and names the gold speaker. */
export function scoreIndirect(d: Dataset, gold: Gold): Score {
  const errors: string[] = [];
  let correct = 0;
  let predicted = 0;
  let total = 0;
  for (const [articleId, g] of Object.entries(gold.articles)) {
    const text = d.articles.find((a) => a.id === articleId)?.text ?? "";
    const preds = d.attributions.filter((a) => a.articleId === articleId && a.kind === "indirect");
    predicted += preds.length;
    total += g.indirect.length;
    const used = new Set<string>();
    for (const item of g.indirect) {
      const at = text.indexOf(item.sentence);
      if (at < 0) throw new Error(`gold sentence not in ${articleId}: ${item.sentence}`);
      // The sentence around the gold fragment.
      const sStart = Math.max(text.lastIndexOf(". ", at) + 1, text.lastIndexOf("\n", at) + 1, 0);
      const sEndDot = text.indexOf(". ", at + item.sentence.length);
      const sEndNl = text.indexOf("\n", at + item.sentence.length);
      const sEnd = Math.min(sEndDot < 0 ? text.length : sEndDot + 1, sEndNl < 0 ? text.length : sEndNl);
      const candidates = preds.filter(
        (a) => !used.has(a.id) && a.target.start < sEnd && a.target.end > sStart,
      );
      const p =
        candidates.find((a) => speakerMatches(d, a.speaker, a.speakerText, item.speaker)) ?? candidates[0];
      if (!p) {
        errors.push(`${articleId}: missed statement “${item.sentence.slice(0, 60)}”`);
        continue;
      }
      used.add(p.id);
      if (
        !speakerMatches(d, p.speaker, p.speakerText, item.speaker) ||
        p.anonymous !== item.anonymous ||
        !viaMatches(d, p.via, item.via)
      ) {
        const name = d.entities.find((e) => e.id === p.speaker)?.name ?? p.speakerText;
        errors.push(
          `${articleId}: “${item.sentence.slice(0, 40)}” → ${name} (anon ${p.anonymous}, via ${p.via}); gold ${item.speaker} (anon ${item.anonymous}, via ${item.via})`,
        );
        continue;
      }
      correct++;
    }
    for (const p of preds)
      if (!used.has(p.id)) errors.push(`${articleId}: spurious statement “${p.target.exact.slice(0, 60)}”`);
  }
  return {
    precision: ratio(correct, predicted),
    recall: ratio(correct, total),
    predicted,
    gold: total,
    correct,
    errors,
  };
}

export function formatScore(name: string, s: Score): string {
  return `${name}: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (${s.correct} correct, ${s.predicted} predicted, ${s.gold} gold)`;
}
