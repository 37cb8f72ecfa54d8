// View models the background builds from the dataset for the cards (content script) and the sidebar page.
// Plain data, safe to send in messages; all text is shown with textContent / Preact text nodes, never as HTML.
import type { CrossrefKind, EntityKind } from "./dataset/types";
import type { HighlightKind } from "./messages";

/** A passage of an article, enough to show it and to link to it. */
export interface PassageView {
  articleId: string;
  publisher: string;
  /** "Apr 1 2011", or "about Jul 4 2011" when the date is an estimate. */
  dateLabel: string;
  date?: string;
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
}

export interface LinkView {
  kind: CrossrefKind;
  summary: string;
  /** Plain sentence for contradicts/updates: "On Jul 4 2011 a later statement reversed this: …". */
  statement?: string;
  /** The other ends of the cross-reference. */
  others: PassageView[];
}

export interface EntityView {
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
  /** Where else it appears: one passage per other article. */
  elsewhere: PassageView[];
}

export interface CardView {
  targetId: string;
  kind: HighlightKind;
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
  /** One line: "Salah Ibrahim Eissa (direct)" or the cross-reference summary. */
  title: string;
  excerpt: string;
}

export interface TimelineEntry {
  date: string;
  dateLabel: string;
  /** "The cease-fire terms", "Demand that he leave the country", … */
  label: string;
  passage: PassageView;
  /** True when the passage is in the article on this page (the entry scrolls to it). */
  here: boolean;
}

export interface SidebarView {
  article: { id: string; publisher: string; headline?: string; dateLabel: string };
  summary: SummaryView;
  entries: SidebarEntry[];
  timeline: TimelineEntry[];
}
