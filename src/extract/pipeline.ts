// The pipeline over one or more texts: paragraphs, quotations, sentences and names; entities from clustered names
// (across all the texts given together); then the attributions of each text, in reading order.
import { appositiveRoles, EntityStore, type StoredEntity } from "./entities";
import { findAttributions } from "./finder";
import { canonicalName, clusterMentions, findNameMentions, type NameMention } from "./names";
import { paragraphs, quotations, sentences } from "./text";
import type { QuoteInfo, RawAttribution, ResolvedMention, RuleOptions, SentenceInfo, Span } from "./types";

export interface Doc {
  id: string;
  text: string;
  /** The outlet that publishes the text: "told <it>" is first-hand. */
  publisher?: string;
}

/**
 * Optional help from an NLP library (see docs/decisions/0002-extraction-nlp.md): sentence boundaries and person
 * names in place of, or on top of, the rules'. Offsets into the text.
 */
export interface NlpHelper {
  /** Sentences of one paragraph. */
  sentences?(text: string, paragraph: Span): Span[];
  /** Spans the library takes for people's names. */
  persons?(text: string): Span[];
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
  nlp: NlpHelper = {},
  options: RuleOptions = {},
): { docs: AnalysedDoc[]; store: EntityStore<E> } {
  const parsed = docs.map((doc) => {
    const paras = paragraphs(doc.text);
    const quotes = quotations(doc.text, paras);
    const quoteSpans = quotes.flatMap((q) =>
      q.parts.map((p) => ({ start: p.openMark, end: p.closeMark ?? p.end })),
    );
    const sents: SentenceInfo[] = paras.flatMap((p) =>
      (nlp.sentences ? nlp.sentences(doc.text, p) : sentences(doc.text, p, quoteSpans)).map((s) => ({
        ...s,
        paragraph: p.index,
      })),
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
  if (nlp.persons)
    for (const p of parsed) {
      // A name the library calls a person: the rules' mention there becomes a person; one they missed is added.
      for (const span of nlp.persons(p.doc.text)) {
        const have = p.names.filter((m) => m.start < span.end && m.end > span.start);
        for (const m of have) if (m.kind !== "outlet" && m.kind !== "organization") m.kind = "person";
        if (!have.length) {
          const found = findNameMentions(p.doc.text, span, p.doc.id, new Set());
          for (const m of found) m.kind = "person";
          p.names.push(...found);
        }
      }
      p.names.sort((a, b) => a.start - b.start);
    }

  // Entities from clustered name mentions.
  const clusters = clusterMentions(parsed.flatMap((p) => p.names));
  // A publisher the gazetteer does not know is an outlet all the same, and so are its mentions.
  for (const d of docs) if (d.publisher) store.knowOutlet(d.publisher);
  for (const c of clusters) {
    const name = c.kind !== "outlet" ? store.outletNamed(c.mentions.map((m) => m.surface)) : undefined;
    if (name) {
      c.kind = "outlet";
      c.outlet = name;
    }
  }
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
    const attributions = findAttributions(p.doc.text, p.sentences, p.quotes, resolver, options);
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
