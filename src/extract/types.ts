// The extraction library's types: what the rules pass between them, and what the library returns.

export interface Span {
  start: number;
  end: number;
}

export type EntityKind = "person" | "organization" | "place" | "outlet" | "group";

export interface SentenceInfo extends Span {
  paragraph: number;
}

/** A quotation as the attribution rules see it: its words, its marks and the paragraphs it spans. */
export interface QuoteInfo extends Span {
  openMark: number;
  closeMark: number | null;
  paragraph: number;
  lastParagraph: number;
  lastCloseMark: number | null;
}

/** A name mention already resolved to an entity. */
export interface ResolvedMention extends Span {
  entityId: string;
  kind: string;
}

/** A noun phrase found by the rules, with the role an appositive gives it. */
export interface NounPhrase extends Span {
  role?: string;
}

export interface SpeakerRef {
  entityId: string | null;
  speakerText: string;
  role?: string;
  anonymous: boolean;
  /** A description the speaker was given here; used to resolve later descriptions ("the defector"). */
  description?: string;
  /** The day of the statement the speaker was found through ("the statement read" → the statement's day). */
  dateText?: string;
  /** Where the speaker stands in the text at this cue ("she", "Mr. Jalil"). */
  source?: Span;
  /** Where a pronoun's or a description's speaker was named, when that is elsewhere. */
  antecedent?: Span;
}

export interface RawAttribution {
  kind: "direct" | "indirect";
  start: number;
  end: number;
  speaker: SpeakerRef;
  via: string | null;
  cue: string;
  /** Offset of the cue word, for dates and ordering. */
  cueAt: number;
  dateText?: string;
  continuesIndex?: number;
  /**
   * A reported statement cut before the speaker's own next verb ("says she has spoken to X and is “seeking
   * answers”"): where its sentence's words went on, so a quoted phrase there is still the speaker's.
   */
  reach?: number;
  /** Found with no speaker on purpose: no cue and no speaker a careful reader could tell. */
  unclear?: boolean;
}

/** What the attribution rules need from the entity store. */
export interface EntityResolver {
  /** Resolved name mentions of the article, in text order. */
  mentions: ResolvedMention[];
  /** Roles given to named entities in this article by appositives and titles. */
  roles: Map<string, string[]>;
  /** Create (or find) an entity for a speaker the name clustering did not know. */
  describe(text: string, opts: { named: boolean; plural: boolean; start: number; end: number }): string;
  /** The outlet an expression names, resolved against the article's own publisher ("The Times" in a Times article). */
  outlet(surface: string): string | null;
  /** An outlet the text names as a medium ("the Al Khaleej newspaper", "radio station RPN"), created on first use. */
  medium(name: string): string | null;
  /** The organisation a definite description's head noun names ("the council"). */
  orgByHead(head: string, before?: number): string | null;
  /** True when the outlet is the publisher of this article: a statement told to it is first-hand. */
  isSelf(outletId: string): boolean;
  kindOf(entityId: string): string | undefined;
  isAnonymous(entityId: string): boolean;
}

/** The state the rules share while reading one article. */
export interface Finder {
  readonly text: string;
  /** The text with abbreviation periods masked, same length. */
  readonly masked: string;
  readonly sentences: SentenceInfo[];
  readonly quotes: QuoteInfo[];
  readonly ents: EntityResolver;
  /** Attributions found so far, in reading order (speakers and pronouns resolve against them). */
  readonly found: RawAttribution[];
  readonly options: RuleOptions;
}

export interface RuleOptions {
  /**
   * Reported statements in sentences that also hold a quotation ("said there had been “a culture of denial”").
   * On by default; the bundled dataset's build turns it off to stay as it was curated.
   */
  quotedStatements?: boolean;
}
