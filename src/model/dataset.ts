// The dataset format: built at build time by src/dataset/, read by every runtime context.
// Every selector points into the cleaned `text` of its article: text.slice(start, end) === exact.

export const DATASET_VERSION = 2;

export interface TextTarget {
  exact: string;
  /** Up to 32 characters of article text before `exact` (fewer at the start of the text). */
  prefix: string;
  /** Up to 32 characters of article text after `exact`. */
  suffix: string;
  start: number;
  end: number;
}

export interface Article {
  id: string;
  publisher: string;
  headline?: string;
  /** ISO date (YYYY-MM-DD) when the text or the publisher says it; otherwise absent. */
  published?: string;
  /** ISO date the pipeline uses to resolve "Monday", "today" …, with the reason, when `published` is unknown. */
  referenceDate?: { date: string; basis: string };
  byline?: string;
  dateline?: string;
  summary?: string;
  /** Exact URLs known to carry this article (scheme and host included). */
  urls: string[];
  /** URL patterns (see src/recognition) that identify copies of this article: print views, pages, archives. */
  urlPatterns: string[];
  /**
   * The shapes of the publisher's own URLs where this article could be (its date and section, its print view).
   * Pages of the publisher's site outside them are not compared by text; pages on other sites always are.
   */
  textCheckPatterns?: string[];
  /** The cleaned article text: entities decoded, page chrome removed, paragraphs separated by "\n\n". */
  text: string;
  /** What cleaning removed, for the record. `rawStart` is an offset into the captured document. */
  removed: { kind: string; text: string; rawStart: number }[];
}

export type EntityKind = "person" | "organization" | "place" | "outlet" | "group";

export interface Mention {
  articleId: string;
  start: number;
  end: number;
}

/**
 * A span of an article's text that supports something shown to a reader (a speaker, a role, a date, a relation):
 * text.slice(start, end) === exact. Every claim in the dataset carries the spans it rests on (see src/dataset/evidence.ts).
 */
export interface EvidenceSpan extends Mention {
  exact: string;
}

/** Knowledge from outside the articles: never merged into names, roles or summaries, always shown as such. */
export interface External {
  text: string;
  /** Where it comes from ("related coverage, per the seeds' README"). */
  source: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  /** True for a source the article does not name ("a source close to the opposition", "Mohamed, … whose full name
   *  has been withheld"). */
  anonymous?: boolean;
  mentions: Mention[];
  origin: "automatic" | "curated";
  /** The spans that support the description and the anonymity. */
  evidence: { description?: EvidenceSpan[]; anonymous?: EvidenceSpan[] };
  /** What is known of it from outside the articles, shown labelled. */
  external?: External;
  /** For curated entries: why, in a sentence. */
  why?: string;
}

export type AttributionKind = "direct" | "indirect";

export interface Attribution {
  id: string;
  articleId: string;
  target: TextTarget;
  kind: AttributionKind;
  /** Entity id of the speaker, or null when the text does not allow resolving it. */
  speaker: string | null;
  /** The speaker as written at the cue ("she", "the defector", "Mr. Jalil"). */
  speakerText: string;
  role?: string;
  anonymous: boolean;
  /** Entity id of the outlet through which the statement reaches the article, or null when first-hand. */
  via: string | null;
  /** The speech cue as written ("said", "told The Times that", "according to"). */
  cue?: string;
  /** ISO date of the statement when the text gives one relative to the article's date. */
  date?: string;
  /** For a quote split by its cue or running over paragraphs: the id of the first part. */
  continues?: string;
  origin: "automatic" | "curated";
  /** How sure the pipeline is of the speaker: 1 for curated entries, lower for pronouns and continuations. */
  confidence: number;
  /**
   * The evidence model: the cue and the source as they stand in the text (the content is `target`), and the spans
   * that support the role, the date and, where the speaker is resolved away from the cue, the speaker.
   */
  evidence: {
    cue?: EvidenceSpan;
    source?: EvidenceSpan;
    role?: EvidenceSpan[];
    date?: EvidenceSpan[];
    speaker?: EvidenceSpan[];
  };
  /** For curated entries: why, in a sentence. */
  why?: string;
}

export type CrossrefKind = "same-entity" | "same-speaker" | "related" | "contradicts" | "updates";

export interface CrossrefEnd {
  articleId: string;
  target: TextTarget;
  /** The attribution this end stands on, when it is one. */
  attributionId?: string;
  date?: string;
}

/**
 * same-entity / same-speaker: one entity's mentions or one speaker's statements (any number of ends; they claim
 * nothing about truth). related, contradicts, updates: one relation between exactly two passages.
 *   contradicts: two statements about the same proposition that cannot both be true;
 *   updates: the same speaker or body revising its own earlier statement (ends[0], the statement revised);
 *   related: the same claim, question or event — nothing more.
 */
export interface Crossref {
  id: string;
  kind: CrossrefKind;
  /** For contradicts/updates, ends are in time order: ends[0] is the earlier statement. */
  ends: CrossrefEnd[];
  /** Neutral, one line; every word of it found in the evidence or the ends. */
  summary: string;
  /** How the relation reads from each end's side; every word found in the evidence or the ends. */
  wording?: { first: string; second: string };
  /** The spans that support the relation. For contradicts/updates, at least one lies outside both ends and says so. */
  evidence: EvidenceSpan[];
  /** For contradicts/updates: the words of the evidence that state the relation ("contradicting", "misconstrued"). */
  claim?: string;
  dates?: string[];
  entity?: string;
  topic?: string;
  origin: "automatic" | "curated";
  why?: string;
}

/** A curated chronology across articles ("positions on Gadhafi's fate"), each entry pointing at its passage. */
export interface Timeline {
  id: string;
  label: string;
  /** Each entry says whose position it is (the end's attribution's speaker) and rests on its evidence. */
  entries: { date: string; label: string; end: CrossrefEnd; evidence: EvidenceSpan[] }[];
}

export interface Dataset {
  version: number;
  articles: Article[];
  entities: Entity[];
  attributions: Attribution[];
  crossrefs: Crossref[];
  timelines?: Timeline[];
}
