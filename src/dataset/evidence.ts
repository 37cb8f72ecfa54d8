// The evidence check: everything a card or the sidebar shows as fact must rest on spans of the articles' texts.
// The build fails on any claim without its spans, on a role, description, summary or timeline label whose words
// are not in its evidence, and on a contradicts/updates relation whose evidence does not say so outside its ends.
import type { Article, Crossref, Dataset, EvidenceSpan, Mention } from "../model/dataset";

export function span(article: Article, start: number, end: number): EvidenceSpan {
  return { articleId: article.id, start, end, exact: article.text.slice(start, end) };
}

/** The occurrence of `phrase` in the article nearest to `near` (case-insensitive), as a span; null when absent. */
export function locate(article: Article, phrase: string, near = 0): EvidenceSpan | null {
  const p = phrase.trim().toLowerCase();
  if (!p) return null;
  const hay = article.text.toLowerCase();
  let best = -1;
  for (let i = hay.indexOf(p); i >= 0; i = hay.indexOf(p, i + 1))
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  return best < 0 ? null : span(article, best, best + p.length);
}

// Words that carry no claim of their own: function words, and the words cards use to frame a relation.
const FRAMING = new Set(
  `the a an and or but of to in on at for with by from as that this these those is was were are be been has have had
   will would could should may might can must not no it its he she they them his her their we our you your i me my
   there here which who whom whose what when where why how than then also about after before over into out up down
   more most some any all each other such only own same so very just one two three mr ms mrs col colonel
   later earlier says said say saying called calls statement statements speaker article articles passage passages
   similar shared both next question another day days quoted written whether`.split(/\s+/),
);

const stem = (w: string) =>
  w
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/(?:ing|ed|es|s|e|ly|al)$/, "")
    .slice(0, 6);

/** The words of `text` that claim something: letters only, hyphenated words split, framing words left out. */
export function claimWords(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).filter((w) => w.length > 1 && !FRAMING.has(w.toLowerCase()));
}

/** The words of `claim` that none of the texts contains (by a crude stem: "contradicts" ~ "contradicting"). */
export function unsupportedWords(claim: string, texts: string[]): string[] {
  const have = new Set(texts.flatMap((t) => (t.match(/\p{L}+/gu) ?? []).map(stem)));
  return claimWords(claim).filter((w) => !have.has(stem(w)));
}

const inside = (s: Mention, t: Mention) =>
  s.articleId === t.articleId && s.start >= t.start && s.end <= t.end;

function relationEnds(x: Crossref): Mention[] {
  return x.ends.map((e) => ({ articleId: e.articleId, start: e.target.start, end: e.target.end }));
}

/** Every way the dataset's claims fail their evidence; empty when each claim is supported. */
export function checkEvidence(d: Dataset): string[] {
  const errors: string[] = [];
  const texts = new Map(d.articles.map((a) => [a.id, a.text]));
  const resolves = (what: string, spans: EvidenceSpan[] | undefined) => {
    for (const s of spans ?? [])
      if (texts.get(s.articleId)?.slice(s.start, s.end) !== s.exact)
        errors.push(`${what}: evidence “${s.exact.slice(0, 40)}” does not resolve in ${s.articleId}`);
  };
  const supported = (
    what: string,
    claim: string,
    spans: EvidenceSpan[] | undefined,
    extra: string[] = [],
  ) => {
    if (!spans?.length) {
      errors.push(`${what} “${claim}” has no evidence`);
      return;
    }
    resolves(what, spans);
    const missing = unsupportedWords(claim, [...spans.map((s) => s.exact), ...extra]);
    if (missing.length) errors.push(`${what} “${claim}”: not in its evidence: ${missing.join(", ")}`);
  };

  const entities = new Map(d.entities.map((e) => [e.id, e]));
  for (const e of d.entities) {
    if (e.description) supported(`entity ${e.id} description`, e.description, e.evidence.description);
    if (e.anonymous && e.mentions.length === 0 && !e.evidence.anonymous?.length)
      errors.push(`entity ${e.id}: anonymous with neither a mention nor evidence`);
    resolves(`entity ${e.id}`, e.evidence.anonymous);
    if (e.external && !e.external.source.trim())
      errors.push(`entity ${e.id}: outside knowledge without a source`);
  }
  for (const a of d.attributions) {
    const what = `attribution ${a.id}`;
    if (a.role) supported(`${what} role`, a.role, a.evidence.role);
    if (a.date && !a.evidence.date?.length) errors.push(`${what}: date ${a.date} has no evidence`);
    resolves(what, [
      ...(a.evidence.date ?? []),
      ...(a.evidence.speaker ?? []),
      ...(a.evidence.cue ? [a.evidence.cue] : []),
      ...(a.evidence.source ? [a.evidence.source] : []),
    ]);
    const speaker = a.speaker ? entities.get(a.speaker) : undefined;
    if (speaker?.anonymous && !a.anonymous) errors.push(`${what}: an anonymous speaker counted as named`);
    if (!(a.confidence >= 0 && a.confidence <= 1))
      errors.push(`${what}: confidence ${a.confidence} not in [0, 1]`);
  }

  const attributions = new Map(d.attributions.map((a) => [a.id, a]));
  const names = (x: Crossref) =>
    x.ends.flatMap((e) => {
      const s = e.attributionId ? attributions.get(e.attributionId) : undefined;
      const ent = s?.speaker ? entities.get(s.speaker) : undefined;
      return [s?.speakerText ?? "", ent?.name ?? "", ...(ent?.aliases ?? [])];
    });
  for (const x of d.crossrefs) {
    const what = `cross-reference ${x.id} (${x.kind})`;
    const ends = relationEnds(x);
    const endTexts = x.ends.map((e) => e.target.exact);
    const extra = [...endTexts, ...names(x), ...(x.entity ? [entities.get(x.entity)?.name ?? ""] : [])];
    if (x.kind === "same-entity" || x.kind === "same-speaker") {
      if (x.ends.length < 2) errors.push(`${what}: fewer than two ends`);
      resolves(what, x.evidence);
      const missing = unsupportedWords(x.summary, [...extra, ...x.evidence.map((s) => s.exact)]);
      if (missing.length) errors.push(`${what} “${x.summary}”: not in its ends: ${missing.join(", ")}`);
      continue;
    }
    if (x.ends.length !== 2) errors.push(`${what}: ${x.ends.length} ends (a relation has two)`);
    supported(`${what} summary`, x.summary, x.evidence, extra);
    if (x.wording) {
      supported(`${what} wording`, x.wording.first, x.evidence, extra);
      supported(`${what} wording`, x.wording.second, x.evidence, extra);
    }
    if (x.kind === "related") continue;
    // contradicts / updates: the claim is said by the texts outside the two passages it is about.
    const [first, second] = x.ends.map((e) =>
      e.attributionId ? attributions.get(e.attributionId) : undefined,
    );
    if (!first || !second) errors.push(`${what}: each end must be a statement (an attribution)`);
    if (x.kind === "updates" && first && second && first.speaker !== second.speaker)
      errors.push(`${what}: an update must revise the same speaker's statement`);
    if (x.kind === "contradicts" && first && second && first.speaker === second.speaker && first.speaker)
      errors.push(`${what}: a speaker revising themself is an update, not a contradiction`);
    const outside = x.evidence.filter((s) => !ends.some((e) => inside(s, e) || inside(e, s)));
    if (!x.claim) errors.push(`${what}: no claim words`);
    else if (!outside.some((s) => unsupportedWords(x.claim as string, [s.exact]).length === 0))
      errors.push(
        `${what}: no evidence outside its ends says “${x.claim}” (a passage is not its own evidence)`,
      );
    const [d0, d1] = x.ends.map((e) => e.date ?? "");
    if (d0 && d1 && d0 > d1) errors.push(`${what}: ends not in time order`);
  }
  for (const t of d.timelines ?? [])
    for (const e of t.entries) {
      const what = `timeline ${t.id} entry`;
      supported(what, e.label, e.evidence, [e.end.target.exact]);
      const s = e.end.attributionId ? attributions.get(e.end.attributionId) : undefined;
      if (!s?.speaker)
        errors.push(`${what} “${e.label}”: its passage has no speaker (whose position is it?)`);
    }
  return errors;
}
