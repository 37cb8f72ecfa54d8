// The pipeline over one or more texts: paragraphs, quotations, sentences and names; entities from clustered names
// (across all the texts given together); then the attributions of each text, in reading order.
import { appositiveRoles, EntityStore, type StoredEntity } from "./entities";
import { findAttributions } from "./finder";
import { canonicalName, clusterMentions, findNameMentions, type NameMention } from "./names";
import { paragraphs, quotations, sentences } from "./text";
import type { QuoteInfo, RawAttribution, ResolvedMention, SentenceInfo } from "./types";

export interface Doc {
  id: string;
  text: string;
  /** The outlet that publishes the text: "told <it>" is first-hand. */
  publisher?: string;
}

export interface AnalysedDoc {
  id: string;
  text: string;
  sentences: SentenceInfo[];
  quotes: QuoteInfo[];
  mentions: ResolvedMention[];
  roles: Map<string, string[]>;
  attributions: RawAttribution[];
}

export function analyse<E extends StoredEntity>(
  docs: Doc[],
  store: EntityStore<E> = new EntityStore<E>(),
): { docs: AnalysedDoc[]; store: EntityStore<E> } {
  const parsed = docs.map((doc) => {
    const paras = paragraphs(doc.text);
    const quotes = quotations(doc.text, paras);
    const quoteSpans = quotes.flatMap((q) =>
      q.parts.map((p) => ({ start: p.openMark, end: p.closeMark ?? p.end })),
    );
    const sents: SentenceInfo[] = paras.flatMap((p) =>
      sentences(doc.text, p, quoteSpans).map((s) => ({ ...s, paragraph: p.index })),
    );
    const infos: QuoteInfo[] = quotes.map((q) => {
      const first = q.parts[0];
      const last = q.parts[q.parts.length - 1];
      return {
        start: q.start,
        end: q.end,
        openMark: first?.openMark ?? q.start,
        closeMark: first?.closeMark ?? null,
        paragraph: first?.paragraph ?? 0,
        lastParagraph: last?.paragraph ?? 0,
        lastCloseMark: last?.closeMark ?? null,
      };
    });
    return { doc, sentences: sents, quotes: infos, names: [] as NameMention[] };
  });
  const lowercase = new Set<string>();
  for (const p of parsed)
    for (const m of p.doc.text.matchAll(/\b\p{Ll}[\p{Ll}'’-]*\b/gu)) lowercase.add(m[0]);
  for (const p of parsed)
    for (const s of p.sentences) p.names.push(...findNameMentions(p.doc.text, s, p.doc.id, lowercase));

  // Entities from clustered name mentions.
  const clusters = clusterMentions(parsed.flatMap((p) => p.names));
  for (const p of parsed) {
    const publisherId = p.doc.publisher ? store.outlet(p.doc.publisher) : null;
    if (publisherId) store.publishers.set(p.doc.id, publisherId);
  }
  const resolved = new Map<string, ResolvedMention[]>(parsed.map((p) => [p.doc.id, []]));
  for (const c of clusters) {
    let id: string | undefined;
    for (const m of c.mentions) {
      // "The Times" inside a Times article is the publisher itself.
      const self =
        c.kind === "outlet"
          ? store.selfOutlet(
              m.articleId,
              m.surface,
              parsed.find((p) => p.doc.id === m.articleId)?.doc.publisher ?? "",
            )
          : null;
      if (!self && !id)
        id = c.outlet ? (store.outlet(c.outlet) as string) : store.add(c.kind, canonicalName(c), "automatic");
      const target = self ?? (id as string);
      store.addMention(target, m.articleId, m.start, m.end, m.surface);
      resolved.get(m.articleId)?.push({ start: m.start, end: m.end, entityId: target, kind: c.kind });
    }
  }

  // Attributions, text by text.
  const out = parsed.map((p): AnalysedDoc => {
    const mentions = (resolved.get(p.doc.id) ?? []).sort((a, b) => a.start - b.start);
    const roles = appositiveRoles(p.doc.text, mentions);
    const resolver = store.resolverFor(
      { id: p.doc.id, publisher: p.doc.publisher ?? "unknown" },
      mentions,
      roles,
    );
    const attributions = findAttributions(p.doc.text, p.sentences, p.quotes, resolver);
    return {
      id: p.doc.id,
      text: p.doc.text,
      sentences: p.sentences,
      quotes: p.quotes,
      mentions,
      roles,
      attributions,
    };
  });
  return { docs: out, store };
}
