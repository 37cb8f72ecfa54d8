// Evaluates NLP helpers against the rules on the corpus dev split: speaker figures, and the median of 9 warm runs on
// a 6,000-word article.
// node --import tsx bench/nlp/evaluate.ts
import { extract, type NlpHelper } from "../../src/extract/index";
import type { CorpusArticle, Found } from "../../test/corpus/score";
import { formatFigures, loadCorpus, score } from "../../test/corpus/score";
import { compromisePersons, compromiseSentences, winkPropnPersons, winkSentences } from "./helpers";

function runWith(nlp: NlpHelper) {
  return (a: CorpusArticle): Found[] => {
    const x = extract(a.text, { publisher: a.meta.publisher, nlp });
    const names = (id: string | null) => {
      const e = x.entities.find((y) => y.id === id);
      return e ? [e.name, ...e.aliases] : [];
    };
    return x.attributions.map((y) => ({
      kind: y.kind,
      start: y.content.start,
      end: y.content.end,
      speaker: y.speaker ? [...names(y.speaker), ...(y.source ? [y.source.exact] : [])] : [],
      speakerUnclear: y.speakerUnclear,
      anonymous: y.anonymous,
      via: y.via ? names(y.via) : null,
    }));
  };
}

const variants: [string, NlpHelper][] = [
  ["rules only", {}],
  ["wink-nlp sentences", winkSentences],
  ["compromise sentences", compromiseSentences],
  ["wink-nlp PROPN runs as person names", winkPropnPersons],
  ["compromise people() as person names", compromisePersons],
];
const dev = loadCorpus("dev");
const long = loadCorpus("dev")
  .map((a) => a.text)
  .join("\n\n");
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
let big = long;
while (words(big) < 6000) big += `\n\n${long}`;
big = big.split(/(\s+)/).slice(0, 12000).join("");
for (const [name, helper] of variants) {
  const f = score(dev, runWith(helper));
  for (let i = 0; i < 2; i++) extract(big, { nlp: helper });
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    extract(big, { nlp: helper });
    runs.push(performance.now() - t0);
  }
  const ms = runs.sort((a, b) => a - b)[4] as number;
  console.log(formatFigures(`${name} — ${ms.toFixed(0)} ms for a ${words(big)}-word article`, f));
}
