// The learned speaker choice (decision 0013): for each attribution the rules found, the speakers they could have
// meant — the rules' own answer, the people and bodies named near the cue, the last speakers — each described by a
// few numbers (distance, side, kind, was it the last speaker, is it inside a quotation …), scored by a logistic
// model trained on the corpus's dev gold (scripts/train-speaker.ts). The best candidate is the speaker; when even it
// is unlikely, the speaker is "unclear" (a quotation) or the statement is dropped (a reported statement).
// Pure: numbers in, numbers out; the weights ship in speaker-model.ts.
import { PRONOUNS } from "./lexicon";
import type { QuoteInfo, RawAttribution, ResolvedMention, SentenceInfo, Span } from "./types";

/** The features, in the order of the model's weights. Each is 0/1 or scaled to about [0, 1]. */
export const FEATURES = [
  "rule", // the rules chose this candidate
  "rule-named-at-cue", // … and named it at the cue (no antecedent)
  "rule-pronoun", // … through a pronoun
  "rule-description", // … through a description resolved elsewhere
  "rule-continues", // … as the continuation of an earlier quotation
  "rule-no-cue", // … with no cue at all (the paragraph before, the quotation before)
  "person",
  "organization",
  "group",
  "outlet",
  "anonymous",
  "mentioned-near", // a mention of the candidate in the window around the cue
  "same-sentence", // … in the cue's sentence
  "sentence-distance", // |sentences| between that mention and the cue, /5, capped
  "paragraph-distance", // |paragraphs|, /3, capped
  "char-distance", // log(1 + chars) / 8
  "before-cue",
  "next-to-cue", // within 60 characters before the cue or 40 after it, same sentence
  "in-quotation", // that mention lies inside quotation marks
  "in-content", // … inside this attribution's own content
  "sentence-subject", // … the subject of its sentence: only capitalised words or an article before it (after an opening ", ")
  "last-speaker", // the speaker of the attribution just before
  "spoke-before", // log(1 + earlier attributions by it) / 3
  "mentions", // log(1 + mentions in the text) / 3
  "has-role",
  "pronoun×last-speaker", // the cue's word is a pronoun and the candidate spoke last
  "pronoun×named-since", // the cue's word is a pronoun and the candidate was named as a subject since the last speaker's cue
  "titled", // a title or a capitalised role right before the mention ("Mr.", "Mayor")
  "headline", // the mention is in the first line
  "direct", // the attribution is a quotation (not a reported statement)
  "rule-unclear", // the rules said "speaker unclear"
  "candidates", // log(1 + candidates) / 3
  "pronoun-agrees", // a he/she/they/it cue word and the candidate's kind fits it
  "at-cue", // a mention of the candidate is the words the rules read at the cue (the cue verb's subject or object)
  "cue-word-pronoun", // the words at the cue are a pronoun (attribution-level)
  "cue-word-description", // the words at the cue are a description, not a name (attribution-level)
  "no-cue", // the rules found no cue (attribution-level)
  "qa-label", // a Q&A answer and the candidate is the one its label names
  "pronoun-disagrees", // a he/she/they/it cue word and the candidate's kind does not fit it
  "all-capitals", // the mention is in capitals (a dateline: "ESKER FALLS, Mich. —")
  "qa", // the attribution is a Q&A answer (attribution-level)
  "qa-other", // a Q&A answer and the candidate is not the one its label names
] as const;

export interface SpeakerModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  /** Below this probability a quotation's speaker is "unclear". */
  directThreshold: number;
  /** Below this probability a reported statement is dropped. */
  indirectThreshold: number;
  /**
   * When the model's best candidate is not the rules' answer: a quotation's speaker becomes "unclear", stays the
   * rules' or becomes the model's; a reported statement is dropped, keeps the rules' speaker or takes the model's.
   */
  onDisagree: { direct: "unclear" | "rules" | "learned"; indirect: "drop" | "rules" | "learned" };
}

export interface Candidate {
  entityId: string;
  /** The mention nearest the cue in the window, when there is one. */
  mention: Span | null;
  rule: boolean;
  x: number[];
}

/** What the candidates are read from: one analysed text and what its entities are. */
export interface RankInput {
  text: string;
  sentences: SentenceInfo[];
  quotes: QuoteInfo[];
  mentions: ResolvedMention[];
  roles: Map<string, string[]>;
  attributions: RawAttribution[];
  kindOf(id: string): string | undefined;
  isAnonymous(id: string): boolean;
}

const SPEAKER_KINDS = new Set(["person", "organization", "group", "outlet"]);

function sentenceIndex(ss: SentenceInfo[], pos: number): number {
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid] as SentenceInfo;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(ss.length - 1, lo - 1));
}

function inQuote(quotes: QuoteInfo[], pos: number): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid] as QuoteInfo;
    if (pos <= q.openMark) hi = mid - 1;
    else if (pos >= (q.lastCloseMark ?? q.end)) lo = mid + 1;
    else return true;
  }
  return false;
}

const counts = new WeakMap<RankInput, Map<string, number>>();

/** How many times each entity is mentioned in the text (computed once per text). */
function mentionCounts(input: RankInput): Map<string, number> {
  let count = counts.get(input);
  if (!count) {
    count = new Map();
    for (const m of input.mentions) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
    counts.set(input, count);
  }
  return count;
}

/** The mentions (in text order) that start in [from, to). */
function mentionsBetween(ms: ResolvedMention[], from: number, to: number): ResolvedMention[] {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ms[mid] as ResolvedMention).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ResolvedMention[] = [];
  for (let k = lo; k < ms.length && (ms[k] as ResolvedMention).start < to; k++)
    out.push(ms[k] as ResolvedMention);
  return out;
}

/**
 * The candidates for attribution `i` of the input, with their features. `decided[k]` is the speaker already chosen
 * for attribution k < i (null: none).
 */
export function candidatesFor(input: RankInput, i: number, decided: (string | null)[]): Candidate[] {
  const { text, sentences: ss, mentions, attributions } = input;
  const a = attributions[i] as RawAttribution;
  const cueAt = Math.min(Math.max(0, a.cueAt), Math.max(0, text.length - 1));
  const si = sentenceIndex(ss, cueAt);
  const cueSentence = ss[si];
  const para = cueSentence?.paragraph ?? 0;
  // The window: from the start of the paragraph before the attribution's (or its content's) to the sentence after
  // the cue's.
  const firstPara = Math.min(para, ss[sentenceIndex(ss, a.start)]?.paragraph ?? para) - 1;
  let from = cueAt;
  for (let k = si; k >= 0 && (ss[k]?.paragraph ?? 0) >= firstPara; k--) from = ss[k]?.start ?? from;
  from = Math.min(from, a.start);
  const to = Math.max(ss[si + 1]?.end ?? cueSentence?.end ?? cueAt, a.end);
  const headlineEnd = text.indexOf("\n");

  // The speakers already decided before this one (the model's own answers as it reads; the gold while training),
  // in cue order.
  const earlier: { cueAt: number; id: string }[] = [];
  for (let k = 0; k < i; k++) {
    const id = decided[k];
    const b = attributions[k] as RawAttribution;
    if (id && b.cueAt < a.cueAt) earlier.push({ cueAt: b.cueAt, id });
  }
  earlier.sort((x, y) => x.cueAt - y.cueAt);
  const last = earlier[earlier.length - 1];
  const spoke = new Map<string, number>();
  for (const b of earlier) spoke.set(b.id, (spoke.get(b.id) ?? 0) + 1);
  const count = mentionCounts(input);

  // Candidates: the rules' answer, every speaker-kind entity named in the window, the last three speakers.
  const ids: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !ids.includes(id) && SPEAKER_KINDS.has(input.kindOf(id) ?? "")) ids.push(id);
  };
  add(a.speaker.entityId);
  const near = new Map<string, ResolvedMention>();
  const window = mentionsBetween(mentions, from, to);
  for (const m of window) {
    if (m.start < from || m.end > to || !SPEAKER_KINDS.has(m.kind)) continue;
    // A dateline ("ESKER FALLS, Mich. —") names a place, whatever the name clustering made of it.
    const surface = text.slice(m.start, m.end);
    if (/\p{Lu}{2}/u.test(surface) && surface === surface.toUpperCase()) continue;
    add(m.entityId);
    const have = near.get(m.entityId);
    // The nearest mention, preferring one outside quotation marks.
    const score = (x: ResolvedMention) =>
      Math.abs(x.start - cueAt) + (inQuote(input.quotes, x.start) ? 1e6 : 0);
    if (!have || score(m) < score(have)) near.set(m.entityId, m);
  }
  const recent: string[] = [];
  for (let k = earlier.length - 1; k >= 0 && recent.length < 3; k--) {
    const id = earlier[k]?.id as string;
    if (!recent.includes(id)) recent.push(id);
  }
  for (const id of recent) add(id);

  const src = a.speaker.source
    ? text.slice(a.speaker.source.start, a.speaker.source.end).trim().toLowerCase()
    : "";
  const pronoun = PRONOUNS[src];
  const ruleId = a.speaker.entityId;
  const n = ids.length;
  return ids.map((id): Candidate => {
    const m = near.get(id) ?? null;
    const kind = input.kindOf(id);
    const isRule = id === ruleId;
    const x = new Array<number>(FEATURES.length).fill(0);
    const set = (name: (typeof FEATURES)[number], v: number | boolean) => {
      x[FEATURES.indexOf(name)] = Number(v);
    };
    set("rule", isRule);
    if (isRule) {
      set("rule-named-at-cue", !a.speaker.antecedent && a.continuesIndex === undefined && a.cue !== "");
      set("rule-pronoun", pronoun !== undefined);
      set("rule-description", Boolean(a.speaker.antecedent) && pronoun === undefined);
      set("rule-continues", a.continuesIndex !== undefined);
      set("rule-no-cue", a.cue === "");
    }
    set("person", kind === "person");
    set("organization", kind === "organization");
    set("group", kind === "group");
    set("outlet", kind === "outlet");
    set("anonymous", input.isAnonymous(id));
    if (m) {
      const mi = sentenceIndex(ss, m.start);
      set("mentioned-near", 1);
      set("same-sentence", mi === si);
      set("sentence-distance", Math.min(Math.abs(mi - si), 5) / 5);
      set("paragraph-distance", Math.min(Math.abs((ss[mi]?.paragraph ?? 0) - para), 3) / 3);
      set("char-distance", Math.log1p(Math.abs(m.start - cueAt)) / 8);
      set("before-cue", m.end <= cueAt);
      set("next-to-cue", mi === si && m.start >= cueAt - 60 && m.start <= cueAt + 40);
      set("in-quotation", inQuote(input.quotes, m.start));
      set("in-content", m.start < a.end && m.end > a.start);
      const surface = text.slice(m.start, m.end);
      set("all-capitals", /\p{Lu}{2}/u.test(surface) && surface === surface.toUpperCase());
      const lead = text
        .slice(ss[mi]?.start ?? m.start, m.start)
        .replace(/^[\s“”"‘’]+/, "")
        .split(/,\s+/)
        .pop() as string;
      const subject = /^(?:(?:\p{Lu}[\p{L}'’.-]*|the|a|an|its|his|her|their)\s+)*$/u.test(lead);
      set("sentence-subject", subject);
      set(
        "titled",
        /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Sir|Dame|Lord|Lady)\.?|\b\p{Lu}\p{Ll}+)\s+$/u.test(
          text.slice(Math.max(0, m.start - 12), m.start),
        ),
      );
      set("headline", headlineEnd >= 0 && m.start < headlineEnd);
      if (subject && pronoun !== undefined && (!last || m.start > last.cueAt) && m.end <= cueAt)
        set("pronoun×named-since", 1);
    }
    set("last-speaker", last?.id === id);
    set("spoke-before", Math.log1p(spoke.get(id) ?? 0) / 3);
    set("mentions", Math.log1p(count.get(id) ?? 0) / 3);
    set("has-role", Boolean(input.roles.get(id)?.length));
    set("pronoun×last-speaker", pronoun !== undefined && last?.id === id);
    set("direct", a.kind === "direct");
    set("rule-unclear", ruleId === null);
    set("candidates", Math.log1p(n) / 3);
    if (pronoun !== undefined) {
      const agrees =
        pronoun === "neuter"
          ? kind === "organization" || kind === "outlet"
          : pronoun === "plural"
            ? kind === "group" || kind === "organization"
            : kind === "person";
      set("pronoun-agrees", agrees);
      set("pronoun-disagrees", !agrees);
    }
    const at = a.speaker.source;
    if (at)
      set(
        "at-cue",
        mentionsBetween(mentions, at.start - 200, at.end).some(
          (x) => x.entityId === id && x.start < at.end && x.end > at.start,
        ),
      );
    set("cue-word-pronoun", pronoun !== undefined);
    set(
      "cue-word-description",
      Boolean(at) &&
        pronoun === undefined &&
        !/^\p{Lu}/u.test(src ? text.slice(at?.start ?? 0, at?.end ?? 0).trim() : ""),
    );
    set("no-cue", a.cue === "");
    set("qa-label", isRule && a.cue.endsWith(":"));
    set("qa", a.cue.endsWith(":"));
    set("qa-other", !isRule && a.cue.endsWith(":"));
    return { entityId: id, mention: m, rule: isRule, x };
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability that a candidate is the speaker. */
export function probability(model: Pick<SpeakerModel, "weights" | "bias">, x: number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += (model.weights[k] ?? 0) * (x[k] as number);
  return sigmoid(z);
}

/** The most likely candidate and its probability; null when there is none. */
export function best(
  model: Pick<SpeakerModel, "weights" | "bias">,
  cands: Candidate[],
): { candidate: Candidate; p: number } | null {
  let top: { candidate: Candidate; p: number } | null = null;
  for (const c of cands) {
    const p = probability(model, c.x);
    if (!top || p > top.p) top = { candidate: c, p };
  }
  return top;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  rate?: number;
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
}

/**
 * Logistic regression by stochastic gradient descent, the samples visited in an order drawn from `seed`: the same
 * samples and seed give the same weights.
 */
export function trainLogistic(
  samples: { x: number[]; y: number }[],
  { seed = 1, epochs = 60, rate = 0.1, l2 = 1e-3 }: TrainOptions = {},
): { weights: number[]; bias: number } {
  const dim = samples[0]?.x.length ?? 0;
  const weights = new Array<number>(dim).fill(0);
  let bias = 0;
  const random = seeded(seed);
  const order = samples.map((_, k) => k);
  for (let e = 0; e < epochs; e++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    const lr = rate / (1 + e * 0.05);
    for (const k of order) {
      const { x, y } = samples[k] as { x: number[]; y: number };
      const g = probability({ weights, bias }, x) - y;
      for (let d = 0; d < dim; d++)
        weights[d] = (weights[d] as number) - lr * (g * (x[d] as number) + l2 * (weights[d] as number));
      bias -= lr * g;
    }
  }
  return { weights: weights.map((w) => Math.round(w * 1e4) / 1e4), bias: Math.round(bias * 1e4) / 1e4 };
}

/**
 * The attributions with the model's speakers: a different candidate replaces the rules' answer (its mention is the
 * source), a quotation below the threshold gets "speaker unclear", a reported statement below it is dropped.
 */
export function rerank(input: RankInput, model: SpeakerModel): RawAttribution[] {
  const out: RawAttribution[] = [];
  const newIndex = new Map<number, number>();
  const decided: (string | null)[] = [];
  input.attributions.forEach((a, i) => {
    // A Q&A answer's speaker is the one its label names: the format says who speaks.
    if (a.cue.endsWith(":")) {
      newIndex.set(i, out.length);
      out.push({ ...a });
      decided[i] = a.speaker.entityId;
      return;
    }
    const top = best(model, candidatesFor(input, i, decided));
    decided[i] = null;
    const push = (x: RawAttribution) => {
      out.push(x);
      decided[i] = x.speaker.entityId;
    };
    const threshold = a.kind === "direct" ? model.directThreshold : model.indirectThreshold;
    newIndex.set(i, out.length);
    if (!top || top.p < threshold) {
      if (a.kind === "indirect") {
        newIndex.delete(i);
        return;
      }
      push({
        ...a,
        speaker: { entityId: null, speakerText: a.speaker.speakerText, anonymous: false },
        unclear: true,
      });
      return;
    }
    const c = top.candidate;
    const disagree = a.speaker.entityId !== null && !c.rule;
    const how = a.kind === "direct" ? model.onDisagree.direct : model.onDisagree.indirect;
    if (c.rule || (disagree && how === "rules")) {
      push({ ...a });
      return;
    }
    if (disagree && how === "drop") {
      newIndex.delete(i);
      return;
    }
    if (disagree && how === "unclear") {
      push({
        ...a,
        speaker: { entityId: null, speakerText: a.speaker.speakerText, anonymous: false },
        unclear: true,
      });
      return;
    }
    const source = c.mention ?? undefined;
    push({
      ...a,
      unclear: undefined,
      speaker: {
        entityId: c.entityId,
        speakerText: source ? input.text.slice(source.start, source.end) : a.speaker.speakerText,
        anonymous: input.isAnonymous(c.entityId),
        role: input.roles.get(c.entityId)?.[0],
        ...(source ? { source: { start: source.start, end: source.end } } : {}),
      },
    });
  });
  // A dropped statement shifts the indices a continuation points at: keep them pointing at the same attribution.
  for (const a of out)
    if (a.continuesIndex !== undefined) {
      const k = newIndex.get(a.continuesIndex);
      if (k === undefined) delete a.continuesIndex;
      else a.continuesIndex = k;
    }
  return out;
}
