// A card's content for a highlight (speaker, badges, passages elsewhere, links between articles), built with
// textContent only: no dataset text is ever parsed as HTML. Placement and focus are page-ui.ts's.
import { KINDS, type KindId } from "../model/kinds";
import { type CardView, type LinkView, type PassageView, RELATION_LABEL } from "../model/views";
import { el } from "./element";
import { trusted } from "./trusted";

type Revealer = (targetId: string) => void;
export interface CardActions {
  reveal: Revealer;
  /** Start a note on this highlight's passage. */
  addNote: (targetId: string) => void;
}

/** A card's badge says its kind as the legend does (src/model/kinds.ts). */
const KIND_LABEL = (kind: KindId) => (kind === "note" ? "Your note" : KINDS[kind].label);
/** Knowledge from outside the articles, never mixed with what they say. */
function externalNote(x: { text: string; source: string }): HTMLElement {
  return el("p", {
    className: "meta external",
    textContent: `Not in these articles — ${x.text} (source: ${x.source})`,
  });
}

function passageBlock(p: PassageView, reveal: Revealer, articleId: string): HTMLElement {
  const source = el("span", {
    className: "source",
    textContent: `${p.speaker ? `${p.speaker} — ` : ""}${p.publisher}, ${p.dateLabel}`,
  });
  if (p.dateBasis) source.title = p.dateBasis;
  const block = el("blockquote", {}, p.text, source);
  if (p.articleId === articleId && p.targetId) {
    const b = el("button", { className: "link", type: "button", textContent: "Show in this article" });
    b.addEventListener(
      "click",
      trusted(() => reveal(p.targetId as string)),
    );
    source.append(" · ", b);
  } else if (p.href) {
    const a = el("a", {
      href: p.href,
      target: "_blank",
      rel: "noopener noreferrer",
      textContent: "Read it in the article",
    });
    source.append(" · ", a);
  }
  return block;
}

function linkSection(l: LinkView, reveal: Revealer, articleId: string): HTMLElement[] {
  const out: HTMLElement[] = [el("h3", { textContent: RELATION_LABEL[l.kind] })];
  out.push(el("p", { className: "statement", textContent: l.statement }));
  // The words of the text that say so, quoted, so the reader can judge the relation.
  for (const e of l.evidence) out.push(el("p", { className: "meta", textContent: `The text: “${e}”` }));
  for (const o of l.others.slice(0, 6)) out.push(passageBlock(o, reveal, articleId));
  if (l.others.length > 6)
    out.push(
      el("p", {
        className: "meta",
        textContent: `and ${l.others.length - 6} more passages (listed in the sidebar)`,
      }),
    );
  return out;
}

export function renderCard(v: CardView, actions: CardActions, close: () => void): HTMLElement {
  const { reveal } = actions;
  const card = el("section", { className: "card", tabIndex: -1 });
  card.setAttribute("role", "dialog");
  card.setAttribute("data-target-id", v.targetId);
  const closeButton = el("button", { className: "close", type: "button", textContent: "×" });
  closeButton.setAttribute("aria-label", "Close");
  closeButton.addEventListener("click", trusted(close));
  card.append(closeButton);
  const articleId = v.passage.articleId;
  const badges = el("ul", { className: "badges" });
  const a = v.attribution;
  // Found on this device (an analysed page, issue 18): said so, with the cue; an abstention reads "speaker unclear".
  const found = (v as CardView & { found?: string }).found;
  if (!a) badges.append(el("li", { className: `badge ${v.kind}`, textContent: KIND_LABEL(v.kind) }));
  if (a) {
    const speaker = a.speaker;
    const title = speaker?.name ?? (found ? "Speaker unclear" : "Speaker not identified");
    card.append(el("h2", { textContent: title }));
    card.setAttribute("aria-label", `Source: ${title}`);
    const meta = [
      speaker?.role,
      speaker && speaker.asWritten !== speaker.name ? `written “${speaker.asWritten}”` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    if (meta) card.append(el("p", { className: "meta", textContent: meta }));
    if (speaker || !found)
      badges.append(
        el("li", {
          className: `badge ${speaker?.anonymous ? "anonymous" : "named"}`,
          textContent: KINDS[speaker?.anonymous ? "anonymous" : "named"].label,
        }),
      );
    badges.append(
      el("li", {
        className: "badge",
        textContent: a.type === "direct" ? "Direct quotation" : "Reported statement",
      }),
    );
    if (a.via) badges.append(el("li", { className: "badge secondhand", textContent: `Via ${a.via}` }));
    if (a.date) badges.append(el("li", { className: "badge", textContent: a.date }));
    card.append(badges);
    if (found) card.append(el("p", { className: "meta found", textContent: found }));
    if (speaker?.description) card.append(el("p", { className: "meta", textContent: speaker.description }));
    if (speaker?.external) card.append(externalNote(speaker.external));
  } else if (v.entity) {
    const e = v.entity;
    card.append(el("h2", { textContent: e.name }));
    card.setAttribute("aria-label", `${e.kind}: ${e.name}`);
    badges.append(el("li", { className: "badge", textContent: e.kind }));
    card.append(badges);
    if (found) card.append(el("p", { className: "meta found", textContent: found }));
    if (e.aliases.length)
      card.append(el("p", { className: "meta", textContent: `Also written: ${e.aliases.join(", ")}` }));
    if (e.description) card.append(el("p", { className: "meta", textContent: e.description }));
    if (e.external) card.append(externalNote(e.external));
    if (e.elsewhere.length) {
      card.append(el("h3", { textContent: "Elsewhere" }));
      for (const p of e.elsewhere) card.append(passageBlock(p, reveal, articleId));
    }
  } else {
    card.append(el("h2", { textContent: v.title ?? "Cross-reference" }));
    card.setAttribute("aria-label", "Cross-reference");
    card.append(badges);
  }
  if (v.sameSpeaker.length) {
    card.append(el("h3", { textContent: "The same speaker in the other articles" }));
    for (const p of v.sameSpeaker) card.append(passageBlock(p, reveal, articleId));
  }
  for (const l of v.links) card.append(...linkSection(l, reveal, articleId));
  const add = el("button", {
    className: "link add-note",
    type: "button",
    textContent: "Add a note on this passage",
  });
  add.addEventListener(
    "click",
    trusted(() => actions.addNote(v.targetId)),
  );
  card.append(el("p", {}, add));
  return card;
}
