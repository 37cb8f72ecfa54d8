// NLP helpers for the extraction library, from wink-nlp (+ wink-eng-lite-web-model) and compromise, for the
// evaluation in docs/decisions/0002-extraction-nlp.md. Not part of the extension.
import nlp from "compromise";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { NlpHelper, Span } from "../../src/extract/index";

const wink = winkNLP(model);
const its = wink.its;

/** Token offsets of a wink document over `text` starting at `base`. */
function winkTokens(text: string, base: number): { doc: ReturnType<typeof wink.readDoc>; offsets: Span[] } {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const offsets: Span[] = [];
  let at = 0;
  for (const v of values) {
    const i = text.indexOf(v, at);
    const start = i < 0 ? at : i;
    offsets.push({ start: base + start, end: base + start + v.length });
    at = start + v.length;
  }
  return { doc, offsets };
}

export const winkSentences: NlpHelper = {
  sentences(text, p) {
    const { doc, offsets } = winkTokens(text.slice(p.start, p.end), p.start);
    const out: Span[] = [];
    doc.sentences().each((s: { out(f: unknown): unknown }) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      const first = offsets[a];
      const last = offsets[b];
      if (first && last) out.push({ start: first.start, end: last.end });
    });
    return out;
  },
};

/** Runs of two to four proper nouns (wink's part-of-speech tags) taken as people's names. */
export const winkPropnPersons: NlpHelper = {
  persons(text) {
    const { doc, offsets } = winkTokens(text, 0);
    const pos = doc.tokens().out(its.pos) as string[];
    const out: Span[] = [];
    for (let i = 0; i < pos.length; ) {
      let j = i;
      while (j < pos.length && pos[j] === "PROPN") j++;
      if (j - i >= 2 && j - i <= 4)
        out.push({ start: (offsets[i] as Span).start, end: (offsets[j - 1] as Span).end });
      i = Math.max(j, i + 1);
    }
    return out;
  },
};

const offsetsOf = (json: unknown): Span[] =>
  (json as { offset: { start: number; length: number } }[]).map((x) => ({
    start: x.offset.start,
    end: x.offset.start + x.offset.length,
  }));

export const compromiseSentences: NlpHelper = {
  sentences(text, p) {
    return offsetsOf(nlp(text.slice(p.start, p.end)).sentences().json({ offset: true })).map((s) => ({
      start: s.start + p.start,
      end: s.end + p.start,
    }));
  },
};

export const compromisePersons: NlpHelper = {
  persons(text) {
    return offsetsOf(nlp(text).people().json({ offset: true }));
  },
};
