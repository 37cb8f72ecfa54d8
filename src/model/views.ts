// View models for the cards (content script) and the sidebar page, built at build time from the dataset
// (src/dataset/article-views.ts) and served by the background from <id>.views.json. Plain data, safe to send in
// messages; all text is shown with textContent / Preact text nodes, never as HTML.
import type { CrossrefKind, EntityKind } from "./dataset";
import type { HighlightKind } from "./protocol";

/** How each kind of cross-reference is headed in cards and the sidebar. */
export const RELATION_LABEL: Record<CrossrefKind, string> = {
  "same-entity": "Same name",
  "same-speaker": "Same speaker",
  related: "Related",
  contradicts: "Contradiction",
  updates: "Revision",
};

/** A passage of an article, enough to show it and to link to it. */
export interface PassageView {
  articleId: string;
  publisher: string;
  /** "Apr 1 2011", or "about Jul 4 2011" when the article's date is an estimate (see `dateBasis`). */
  dateLabel: string;
  date?: string;
  /** Why an estimated date is what it is. */
  dateBasis?: string;
  /** Whose statement the passage is, when it is one: "Mustafa Abdul-Jalil, via Reuters". */
  speaker?: string;
  text: string;
  /** The article's address with a text fragment (#:~:text=…) when its URL is known. */
  href?: string;
  /** The id of the highlight of this passage in its own article (attribution id or "xNNN#i"). */
  targetId?: string;
}

export interface SpeakerView {
  name: string;
  /** As written at the cue: "she", "the defector". */
  asWritten: string;
  role?: string;
  anonymous: boolean;
  kind?: EntityKind;
  description?: string;
  /** Knowledge from outside the articles, shown labelled: "not in these articles — source: …". */
  external?: { text: string; source: string };
}

export interface LinkView {
  kind: CrossrefKind;
  /** The cross-reference's id (xNNN). */
  id: string;
  /** How the relation reads from this passage's side ("Contradicted by Abdul Hafidh Ghoga, …"). */
  statement: string;
  /** The spans of the texts that say so, when they are not the passages themselves. */
  evidence: string[];
  /** The other ends of the cross-reference. */
  others: PassageView[];
}

export interface EntityView {
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
  external?: { text: string; source: string };
  /** Where else it appears: one passage per other article. */
  elsewhere: PassageView[];
}

export interface CardView {
  targetId: string;
  kind: HighlightKind;
  /** For a passage highlighted as the end of a cross-reference: that relation, from this passage's side. */
  title?: string;
  passage: PassageView;
  attribution?: {
    type: "direct" | "indirect";
    speaker: SpeakerView | null;
    via?: string;
    cue?: string;
    date?: string;
  };
  entity?: EntityView;
  /** The same speaker's statements in the other articles. */
  sameSpeaker: PassageView[];
  links: LinkView[];
}

/**
 * The most passages of other articles a card lists for one relation, entity or speaker. A speaker or a name in many
 * articles made each article's views carry all of them (at 10,000 synthetic articles, relations with 1,500 ends:
 * views of megabytes per article and a build that ran out of memory); the three articles' relations have at most 9.
 */
export const MAX_OTHER_PASSAGES = 24;

/**
 * Where a card's list of passages in the other articles is (docs/decisions/0012-scale.md): its key in an index built
 * once for the dataset — a speaker's entity id in the by-speaker index (data/speakers/<shard>.json: "the same speaker
 * in the other articles"), a same-name relation's id in the by-entity one (data/elsewhere/<shard>.json: an entity
 * card's "Elsewhere") — and the shard that holds it. The background fills the card in when it is asked for, so that
 * no article's views repeat the passages (they made the views 190 KB per article at 10,000 articles).
 */
export interface PassagesRef {
  key: string;
  shard: number;
}

/** A card as <id>.views.json stores it: `sameSpeaker` and `entity.elsewhere` left empty where a ref says where. */
export interface StoredCardView extends CardView {
  sameSpeakerOf?: PassagesRef;
  elsewhereOf?: PassagesRef;
}

/**
 * One shard of a passage index: each key's passages (a speaker's statements, not the continuations of a quotation;
 * a name's first mention in each article), in the dataset's order, only as many as a card can show after leaving
 * out any one article's.
 */
export type PassageShard = Record<string, PassageView[]>;

/** What a card of `articleId` lists of a key's passages: the first ones of the other articles. */
export function otherPassages(shard: PassageShard, key: string, articleId: string): PassageView[] {
  return (shard[key] ?? []).filter((p) => p.articleId !== articleId).slice(0, MAX_OTHER_PASSAGES);
}

/** The card as the content script shows it: the stored one, its passages in the other articles filled in. */
export function withPassages(
  card: StoredCardView,
  shards: { sameSpeaker: PassageShard | null; elsewhere: PassageShard | null },
  articleId: string,
): CardView {
  const { sameSpeakerOf, elsewhereOf, ...view } = card;
  if (sameSpeakerOf && shards.sameSpeaker)
    view.sameSpeaker = otherPassages(shards.sameSpeaker, sameSpeakerOf.key, articleId);
  if (elsewhereOf && shards.elsewhere && view.entity)
    view.entity = { ...view.entity, elsewhere: otherPassages(shards.elsewhere, elsewhereOf.key, articleId) };
  return view;
}

export interface SummaryView {
  attributions: number;
  named: number;
  anonymous: number;
  direct: number;
  indirect: number;
  secondHand: number;
  /** Second-hand statements by outlet, most first. */
  byOutlet: { outlet: string; count: number }[];
  crossrefs: number;
}

export interface SidebarEntry {
  targetId: string;
  kind: HighlightKind;
  /** Offset in the article text: reading order. */
  start: number;
  /** One line: "Salah Ibrahim Eissa — quotation", or the entry's own cross-reference from its side. */
  title: string;
  excerpt: string;
}

export interface TimelineEntry {
  date: string;
  dateLabel: string;
  /** "The cease-fire terms", "Demand that he leave the country", … */
  label: string;
  /** Whose position it is: "Mustafa Abdul-Jalil, via Reuters". */
  speaker: string;
  passage: PassageView;
  /** True when the passage is in the article on this page (the entry scrolls to it). */
  here: boolean;
}

export interface SidebarView {
  article: {
    id: string;
    publisher: string;
    headline?: string;
    dateLabel: string;
    dateBasis?: string;
    /** A page analysed on this device: its address without the fragment (its corrections keep it). */
    url?: string;
  };
  summary: SummaryView;
  entries: SidebarEntry[];
  timeline: TimelineEntry[];
}
