// The attribution library: text in, attributions out. Quotations, reported statements, speakers with coreference,
// roles as the text gives them, anonymous vs named, via which outlet — each with the spans of the text it rests
// on and a confidence; "speaker unclear" is an answer, not a guess. It imports no Node module (a test checks), so
// a browser can run it; reading files, schema checks and the dataset stay in src/dataset/.
// It never says that one statement contradicts or updates another: that is for a reader (or a curator) to judge.
import { resolveDay } from "./dates";
import { EntityStore } from "./entities";
import { confidenceOf, cueSpan } from "./output";
import { type AnalysedDoc, analyse, type NlpHelper } from "./pipeline";
import { type Candidate, candidatesFor, type RankInput, rerank, type SpeakerModel } from "./ranker";
import type { EntityKind, RawAttribution, Span } from "./types";

export type { NlpHelper } from "./pipeline";
export type { Candidate, SpeakerModel } from "./ranker";
export { SPEAKER_MODEL } from "./speaker-model";
export type { EntityKind, Span } from "./types";

export interface TextSpan extends Span {
  exact: string;
}

export interface ExtractedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** A source the text does not name ("a senior official"). */
  anonymous: boolean;
  mentions: Span[];
}

export interface ExtractedAttribution {
  kind: "direct" | "indirect";
  /** The quoted words, or the content of the reported statement. */
  content: TextSpan;
  /** The speech cue ("said", "told", "according to"), where the text holds it. */
  cue: TextSpan | null;
  /** The speaker as written at the cue ("she", "Mr. Jalil", "a spokesman for the group"). */
  source: TextSpan | null;
  /** The entity id of the speaker; null when the speaker is unclear. */
  speaker: string | null;
  speakerUnclear: boolean;
  /** Where a pronoun's or a description's speaker was named, when that is elsewhere. */
  antecedent: TextSpan | null;
  /** The role as the text gives it, with its span. */
  role: TextSpan | null;
  anonymous: boolean;
  /** The entity id of the outlet the statement reached the text through, or null when first-hand. */
  via: string | null;
  /** ISO date of the statement, when the text names a day and a reference date is given. */
  date?: string;
  /** For a quotation split by its cue or continued: the index of the first part. */
  continues?: number;
  /** How sure the rules are of the speaker: 0 (unclear) … 0.9 (named at the cue). */
  confidence: number;
}

export interface Extraction {
  text: string;
  attributions: ExtractedAttribution[];
  entities: ExtractedEntity[];
}

export interface ExtractOptions {
  /** The outlet that publishes the text: a statement told to it is first-hand. */
  publisher?: string;
  /** ISO date the text's "Monday", "yesterday" … are read against. */
  referenceDate?: string;
  /** Help from an NLP library (sentences, person names); the rules alone when absent. */
  nlp?: NlpHelper;
  /**
   * The learned speaker choice (decision 0013) over the rules' candidates, e.g. `SPEAKER_MODEL`; the rules' own
   * answers when absent or null (the default: the model did not beat the rules on the unseen test split).
   */
  speakerModel?: SpeakerModel | null;
}

const at = (text: string, s: Span | undefined | null): TextSpan | null =>
  s ? { start: s.start, end: s.end, exact: text.slice(s.start, s.end) } : null;

function rankInput(doc: AnalysedDoc, store: EntityStore): RankInput {
  const byId = new Map(store.entities.map((e) => [e.id, e]));
  return {
    ...doc,
    kindOf: (id) => byId.get(id)?.kind,
    isAnonymous: (id) => Boolean(byId.get(id)?.anonymous),
  };
}

/**
 * The speakers the learned choice weighs for each attribution the rules found, with their features and names:
 * what scripts/train-speaker.ts learns from. `isRight` tells which candidate is the speaker (from a gold file):
 * the speakers already read are those, as the model's own answers are when it runs.
 */
export function speakerCandidates(
  text: string,
  options: ExtractOptions,
  isRight: (
    attribution: { kind: "direct" | "indirect"; start: number; end: number },
    names: string[],
  ) => boolean,
): {
  kind: "direct" | "indirect";
  start: number;
  end: number;
  candidates: (Candidate & { names: string[]; right: boolean })[];
}[] {
  const store = new EntityStore();
  const { docs } = analyse([{ id: "text", text, publisher: options.publisher }], store, options.nlp);
  const doc = docs[0];
  if (!doc) return [];
  const input = rankInput(doc, store);
  const names = (id: string) => {
    const e = store.get(id);
    return e ? [e.name, ...e.aliases] : [];
  };
  const decided: (string | null)[] = [];
  return doc.attributions.map((a, i) => {
    const candidates = candidatesFor(input, i, decided).map((c) => {
      const at = c.rule ? a.speaker.source : c.mention;
      const all = [...names(c.entityId), ...(at ? [text.slice(at.start, at.end)] : [])];
      return { ...c, names: all, right: isRight(a, all) };
    });
    decided[i] =
      (candidates.find((c) => c.right && c.rule) ?? candidates.find((c) => c.right))?.entityId ?? null;
    return { kind: a.kind, start: a.start, end: a.end, candidates };
  });
}

/** Who said what in one text. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const store = new EntityStore();
  const { docs } = analyse([{ id: "text", text, publisher: options.publisher }], store, options.nlp);
  const doc = docs[0];
  const model = options.speakerModel ?? null;
  const raw = doc ? (model ? rerank(rankInput(doc, store), model) : doc.attributions) : [];
  const attributions = raw.map((a: RawAttribution): ExtractedAttribution => {
    const roleAt = a.speaker.role ? text.indexOf(a.speaker.role, a.speaker.source?.start ?? 0) : -1;
    const date =
      a.dateText && options.referenceDate ? resolveDay(a.dateText, options.referenceDate) : undefined;
    return {
      kind: a.kind,
      content: at(text, a) as TextSpan,
      cue: at(text, cueSpan(text, a)),
      source: at(text, a.speaker.source),
      speaker: a.speaker.entityId,
      speakerUnclear: a.speaker.entityId === null,
      antecedent: at(text, a.speaker.antecedent),
      role:
        a.speaker.role && roleAt >= 0
          ? at(text, { start: roleAt, end: roleAt + a.speaker.role.length })
          : null,
      anonymous: a.speaker.anonymous,
      via: a.via,
      ...(date ? { date } : {}),
      ...(a.continuesIndex !== undefined ? { continues: a.continuesIndex } : {}),
      confidence: confidenceOf(a),
    };
  });
  const used = new Set(attributions.flatMap((a) => [a.speaker, a.via]).filter(Boolean));
  const entities = store.entities
    .filter((e) => e.mentions.length > 0 || used.has(e.id))
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      anonymous: Boolean(e.anonymous),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
    }));
  return { text, attributions, entities };
}
