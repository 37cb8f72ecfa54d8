// The dataset format: built at build time by src/dataset/, read by every runtime context.
// Every selector points into the cleaned `text` of its article: text.slice(start, end) === exact.

export const DATASET_VERSION = 1;

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

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  /** True for a source the article does not name ("a source close to the opposition"). */
  anonymous?: boolean;
  mentions: Mention[];
  origin: "automatic" | "curated";
  evidence?: string;
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
  /** For curated entries: why. */
  evidence?: string;
}

export type CrossrefKind = "same-entity" | "same-speaker" | "related" | "contradicts" | "updates";

export interface CrossrefEnd {
  articleId: string;
  target: TextTarget;
  /** The attribution this end stands on, when it is one. */
  attributionId?: string;
  date?: string;
}

export interface Crossref {
  id: string;
  kind: CrossrefKind;
  /** For contradicts/updates, ends are in time order: ends[0] is the earlier statement. */
  ends: CrossrefEnd[];
  summary: string;
  dates?: string[];
  entity?: string;
  topic?: string;
  origin: "automatic" | "curated";
  evidence?: string;
}

/** A curated chronology across articles ("positions on Gadhafi's fate"), each entry pointing at its passage. */
export interface Timeline {
  id: string;
  label: string;
  entries: { date: string; label: string; end: CrossrefEnd }[];
}

export interface Dataset {
  version: number;
  articles: Article[];
  entities: Entity[];
  attributions: Attribution[];
  crossrefs: Crossref[];
  timelines?: Timeline[];
}
